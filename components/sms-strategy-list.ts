import { LitElement, css, html, nothing } from 'lit';
import type { Translate } from '../lib/i18n';
import type { StrategyView } from '../lib/sidebar/model';
import { baseStyles } from './styles';

/** Ranked person-centred strategies, each with why it is suggested. Emits `strategy-toggle` (detail: id). */
export class SmsStrategyList extends LitElement {
  static properties = {
    strategies: { attribute: false },
    t: { attribute: false },
  };

  strategies: StrategyView[] = [];
  t!: Translate;

  static styles = [
    baseStyles,
    css`
      ol { list-style: none; margin: 6px 0 0; padding: 0; display: grid; gap: 6px; }
      li { border: 1px solid var(--sms-border); border-left: 4px solid var(--sms-accent); border-radius: 6px; padding: 6px 8px; background: #fff; }
      li[data-type='collaborative'] { border-left-color: #6a4c93; }
      label { display: flex; gap: 6px; align-items: flex-start; cursor: pointer; }
      input { margin-top: 3px; accent-color: var(--sms-accent); }
      .label { font-weight: 600; }
      .type { font-size: 11px; color: var(--sms-muted); margin-left: 4px; font-weight: 400; }
      .action { margin: 2px 0 0 22px; }
      .because { margin: 2px 0 0 22px; font-size: 11px; color: var(--sms-muted); }
      .contact { margin: 2px 0 0 22px; font-size: 12px; }
    `,
  ];

  private toggle(id: string) {
    this.dispatchEvent(new CustomEvent('strategy-toggle', { detail: id, bubbles: true }));
  }

  render() {
    const typeKey = { individual: 'typeIndividual', collaborative: 'typeCollaborative' } as const;
    return html`<ol>
      ${this.strategies.map(
        (s) => html`<li data-strategy=${s.id} data-type=${s.type}>
          <label>
            <input type="checkbox" name="strategy" value=${s.id} .checked=${s.chosen} @change=${() => this.toggle(s.id)} />
            <span class="label">${s.label}<span class="type">${this.t(typeKey[s.type])}</span></span>
          </label>
          <p class="action">${s.action}</p>
          ${s.because ? html`<p class="because">${s.because}</p>` : nothing}
          ${s.contact
            ? html`<p class="contact">☎ ${s.contact.name}${s.contact.phone ? html` · ${s.contact.phone}` : nothing}</p>`
            : nothing}
        </li>`,
      )}
    </ol>`;
  }
}
