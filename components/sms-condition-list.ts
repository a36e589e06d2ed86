import { LitElement, css, html, nothing } from 'lit';
import type { Translate } from '../lib/i18n';
import type { ConditionView, RuledOutView } from '../lib/sidebar/model';
import type { Evidence, MentionContext } from '../lib/detection/result';
import { whyLines } from '../lib/evidence-view';
import { baseStyles } from './styles';

const CONTEXT_KEYS = {
  negated: 'contextNegated',
  family: 'contextFamily',
  historical: 'contextHistorical',
  uncertain: 'contextUncertain',
} as const satisfies Record<MentionContext, string>;

/** The detected conditions as chips, each with a "why" disclosure listing its evidence. */
export class SmsConditionList extends LitElement {
  static properties = {
    conditions: { attribute: false },
    ruledOut: { attribute: false },
    t: { attribute: false },
  };

  conditions: ConditionView[] = [];
  ruledOut: RuledOutView[] = [];
  t!: Translate;

  static styles = [
    baseStyles,
    css`
      ul { list-style: none; margin: 6px 0 0; padding: 0; display: grid; gap: 4px; }
      details { border: 1px solid var(--sms-border); border-radius: 6px; padding: 4px 8px; background: #fff; }
      summary { cursor: pointer; display: flex; gap: 6px; align-items: baseline; }
      summary::marker { color: var(--sms-muted); }
      .name { font-weight: 600; }
      .badge { font-size: 11px; padding: 0 6px; border-radius: 8px; background: #fff3e0; color: var(--sms-warn); border: 1px solid #f0c58a; }
      .why { font-size: 11px; margin-left: auto; color: var(--sms-muted); }
      .evidence { margin: 4px 0 2px; padding-left: 14px; font-size: 12px; color: #33424f; }
      .evidence li { list-style: disc; }
      q { font-style: italic; }
      .ruled-out { margin-top: 6px; font-size: 12px; }
    `,
  ];

  private renderEvidence(evidence: Evidence[]) {
    // Page text is rendered as text nodes by lit, never as HTML: a crafted problem list cannot inject markup.
    return html`<ul class="evidence">
      ${whyLines(this.t, evidence, 5).map((line) => html`<li><q>${line.snippet}</q> <span class="muted">(${line.seenIn})</span></li>`)}
    </ul>`;
  }

  render() {
    return html`
      <h2>${this.t('conditionsDetected')}</h2>
      <ul aria-label=${this.t('conditionsDetected')}>
        ${this.conditions.map(
          (c) => html`<li data-condition=${c.id} data-status=${c.status}>
            <details>
              <summary>
                <span class="name">${c.name}</span>
                ${c.status === 'possible' ? html`<span class="badge">${this.t('possible')}</span>` : nothing}
                <span class="why">${this.t('why')}</span>
              </summary>
              ${this.renderEvidence(c.evidence)}
            </details>
          </li>`,
        )}
      </ul>
      ${this.ruledOut.length
        ? html`<details class="ruled-out">
            <summary class="muted">${this.t('ruledOutTitle')} (${this.ruledOut.length})</summary>
            <ul class="evidence">
              ${this.ruledOut.map(
                (r) => html`<li data-ruled-out=${r.id}>${r.name}:
                  ${r.contexts.map((c) => this.t(CONTEXT_KEYS[c])).join(', ')}
                  ${r.evidence[0] ? html`<q>${r.evidence[0].snippet}</q>` : nothing}</li>`,
              )}
            </ul>
          </details>`
        : nothing}
    `;
  }
}
