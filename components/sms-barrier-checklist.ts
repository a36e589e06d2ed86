import { LitElement, css, html } from 'lit';
import type { SidebarModel } from '../lib/sidebar/model';
import { baseStyles } from './styles';

/** Barriers grouped patient / provider / external. Emits `barrier-toggle` (detail: barrier id). */
export class SmsBarrierChecklist extends LitElement {
  static properties = {
    groups: { attribute: false },
  };

  groups: SidebarModel['barrierGroups'] = [];

  static styles = [
    baseStyles,
    css`
      fieldset { border: 0; margin: 6px 0 0; padding: 0; }
      legend { font-weight: 600; color: var(--sms-muted); font-size: 11px; text-transform: uppercase; letter-spacing: 0.04em; padding: 0; margin-bottom: 2px; }
      .chips { display: flex; flex-wrap: wrap; gap: 4px; }
      label {
        display: inline-flex; align-items: center; gap: 4px; cursor: pointer;
        border: 1px solid var(--sms-border); border-radius: 14px; padding: 2px 8px 2px 4px; background: #fff;
      }
      label:has(input:checked) { background: var(--sms-accent-soft); border-color: var(--sms-accent); }
      input { margin: 0; accent-color: var(--sms-accent); }
    `,
  ];

  private toggle(id: string) {
    this.dispatchEvent(new CustomEvent('barrier-toggle', { detail: id, bubbles: true }));
  }

  render() {
    return this.groups.map(
      (group) => html`<fieldset data-level=${group.level}>
        <legend>${group.label}</legend>
        <div class="chips">
          ${group.barriers.map(
            (b) => html`<label title=${b.ask ?? ''}>
              <input
                type="checkbox"
                name="barrier"
                value=${b.id}
                .checked=${b.checked}
                @change=${() => this.toggle(b.id)}
              />${b.label}</label
            >`,
          )}
        </div>
      </fieldset>`,
    );
  }
}
