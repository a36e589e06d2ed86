import { LitElement, css, html, nothing } from 'lit';
import type { Translate } from '../lib/i18n';
import { GOAL_OUTCOMES, type GoalOutcome } from '../lib/conditions';
import type { GoalHistoryEntry } from '../lib/storage/records';
import { baseStyles } from './styles';

const OUTCOME_KEYS = { achieved: 'outcomeAchieved', partly: 'outcomePartly', not: 'outcomeNot' } as const;

/** "Last time you agreed ...": asks how the previous goal went, and (for the nurse) lists earlier goals. */
export class SmsGoalReview extends LitElement {
  static properties = {
    previous: { attribute: false },
    history: { attribute: false },
    showHistory: { type: Boolean },
    followUpDue: { type: Boolean },
    t: { attribute: false },
  };

  previous: GoalHistoryEntry | null = null;
  history: GoalHistoryEntry[] = [];
  showHistory = false;
  followUpDue = false;
  t!: Translate;

  static styles = [
    baseStyles,
    css`
      .box { border: 1px solid #f0c58a; background: #fff8ec; border-radius: 6px; padding: 6px 8px; }
      q { font-weight: 600; }
      .due { color: var(--sms-warn); font-weight: 600; font-size: 12px; }
      .outcomes { display: flex; gap: 4px; margin-top: 4px; flex-wrap: wrap; }
      button[aria-pressed='true'] { background: var(--sms-accent); color: #fff; border-color: var(--sms-accent); }
      ul { margin: 6px 0 0; padding-left: 16px; font-size: 12px; }
    `,
  ];

  private review(outcome: GoalOutcome) {
    this.dispatchEvent(new CustomEvent('goal-review', { detail: outcome, bubbles: true }));
  }

  private date(ms: number) {
    return new Date(ms).toLocaleDateString();
  }

  render() {
    const p = this.previous;
    if (!p) return nothing;
    return html`<div class="box" role="group" aria-labelledby="last-time">
        <p id="last-time" style="margin:0">
          ${this.t('lastTimeAgreed', this.date(p.agreedAt))} <q>${p.text}</q>${p.when ? html` (${p.when})` : nothing}
        </p>
        ${this.followUpDue ? html`<p class="due" style="margin:2px 0 0">${this.t('followUpDue')}</p>` : nothing}
        <p style="margin:4px 0 0">${this.t('howDidItGo')}</p>
        <div class="outcomes">
          ${GOAL_OUTCOMES.map(
            (o) => html`<button class="outcome" data-outcome=${o} aria-pressed=${String(p.outcome === o)}
              @click=${() => this.review(o)}>${this.t(OUTCOME_KEYS[o])}</button>`,
          )}
        </div>
      </div>
      ${this.showHistory && this.history.length > 1
        ? html`<details>
            <summary class="muted">${this.t('goalHistoryTitle')} (${this.history.length})</summary>
            <ul>
              ${this.history.map(
                (g) => html`<li>${this.date(g.agreedAt)}: ${g.text}
                  ${g.outcome ? html`<span class="muted">· ${this.t(OUTCOME_KEYS[g.outcome])}</span>` : nothing}</li>`,
              )}
            </ul>
          </details>`
        : nothing}`;
  }
}
