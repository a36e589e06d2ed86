import { LitElement, css, html, nothing } from 'lit';
import type { Translate } from '../lib/i18n';
import type { Goal } from '../lib/storage/records';
import type { ConfidenceAdvice } from '../lib/content/goals';
import { baseStyles } from './styles';

/**
 * The goal agreed with the patient, in their words (action planning: what, when, confidence, follow-up).
 * Compact (GP consultation): only the goal and the follow-up date. Emits `goal-change` (detail: Goal | null).
 */
export class SmsGoalForm extends LitElement {
  static properties = {
    goal: { attribute: false },
    advice: { attribute: false },
    compact: { type: Boolean },
    t: { attribute: false },
  };

  goal: Goal | null = null;
  advice: ConfidenceAdvice | null = null;
  compact = false;
  t!: Translate;

  static styles = [
    baseStyles,
    css`
      .field { display: grid; gap: 2px; margin-top: 6px; }
      label { font-size: 12px; color: var(--sms-muted); }
      textarea, input { font: inherit; color: inherit; border: 1px solid var(--sms-border); border-radius: 6px; padding: 4px 6px; background: #fff; width: 100%; }
      textarea { resize: vertical; min-height: 44px; }
      .row { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
      .advice { font-size: 12px; margin: 4px 0 0; }
      .advice.low { color: var(--sms-warn); font-weight: 600; }
    `,
  ];

  private emit() {
    const root = this.renderRoot;
    // A field not shown (compact mode) keeps its saved value.
    const value = (name: string) => (root.querySelector(`[name="${name}"]`) as HTMLInputElement | null)?.value;
    const text = (value('goal-text') ?? '').trim();
    const confidence = value('goal-confidence');
    const followUp = value('goal-follow-up') ?? '';
    const goal: Goal = {
      text: text.slice(0, 500),
      when: (value('goal-when')?.trim() ?? this.goal?.when ?? '').slice(0, 200),
      confidence:
        confidence === undefined
          ? (this.goal?.confidence ?? null)
          : confidence === '' || !Number.isFinite(Number(confidence))
            ? null
            : Math.max(0, Math.min(10, Math.round(Number(confidence)))),
      followUp: /^\d{4}-\d{2}-\d{2}$/.test(followUp) ? followUp : null,
    };
    // Nothing typed yet is no goal. The background validates the goal again when it saves it.
    const detail = goal.text || goal.when ? goal : null;
    this.dispatchEvent(new CustomEvent('goal-change', { detail, bubbles: true }));
  }

  render() {
    const g = this.goal;
    return html`
      <div class="field">
        <label for="goal-text">${this.t('goalTitle')}</label>
        <textarea id="goal-text" name="goal-text" maxlength="500" placeholder=${this.t('goalPlaceholder')}
          .value=${g?.text ?? ''} @change=${this.emit}></textarea>
      </div>
      ${this.compact
        ? nothing
        : html`<div class="field">
            <label for="goal-when">${this.t('goalWhen')}</label>
            <input id="goal-when" name="goal-when" maxlength="200" .value=${g?.when ?? ''} @change=${this.emit} />
          </div>`}
      <div class="row">
        ${this.compact
          ? nothing
          : html`<div class="field">
              <label for="goal-confidence">${this.t('goalConfidence')}</label>
              <input id="goal-confidence" name="goal-confidence" type="number" min="0" max="10" step="1"
                .value=${g?.confidence === null || g?.confidence === undefined ? '' : String(g.confidence)} @change=${this.emit} />
            </div>`}
        <div class="field">
          <label for="goal-follow-up">${this.t('goalFollowUp')}</label>
          <input id="goal-follow-up" name="goal-follow-up" type="date" .value=${g?.followUp ?? ''} @change=${this.emit} />
        </div>
      </div>
      ${!this.compact && g?.text && this.advice
        ? html`<p class="advice ${this.advice.level}" role="note">${this.advice.text}</p>`
        : nothing}
    `;
  }
}
