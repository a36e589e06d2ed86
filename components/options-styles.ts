import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import type { OptionsContext } from './options-app';
import type { Translate } from '../lib/i18n';
import { baseStyles } from './styles';

/** The look of the options page and popup sections: the sidebar's base plus forms and tables. */
export const pageStyles = [
  baseStyles,
  css`
    :host { font-size: 14px; }
    section { background: #fff; border: 1px solid var(--sms-border); border-radius: 8px; padding: 16px 20px; margin: 0 0 16px; }
    h2 { font-size: 17px; margin: 0 0 4px; }
    h3 { font-size: 14px; margin: 12px 0 4px; }
    p { margin: 4px 0 10px; }
    fieldset { border: 1px solid var(--sms-border); border-radius: 6px; margin: 8px 0; padding: 8px 12px; }
    legend { font-weight: 600; padding: 0 4px; }
    label { cursor: pointer; }
    input[type='text'], input[type='tel'], input[type='url'], select, textarea {
      font: inherit; color: inherit; padding: 5px 8px; border: 1px solid #8a9aa6; border-radius: 6px; background: #fff;
    }
    input:disabled, select:disabled, button:disabled { opacity: 0.6; cursor: not-allowed; }
    .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
    .field { display: grid; gap: 2px; justify-items: start; }
    .checks { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 4px 16px; }
    .checks label { display: flex; gap: 6px; align-items: flex-start; }
    .locked { font-size: 12px; color: var(--sms-warn); }
    .error { color: #b00020; }
    .ok { color: #0b5e2a; }
    table { border-collapse: collapse; margin: 6px 0; }
    th, td { border-bottom: 1px solid var(--sms-border); padding: 4px 10px; text-align: left; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    ul.plain { list-style: none; padding: 0; margin: 6px 0; display: grid; gap: 6px; }
    .status { font-size: 12px; padding: 1px 8px; border-radius: 9px; border: 1px solid var(--sms-border); }
    .status.active { background: #e3f5e8; border-color: #9bd3ad; color: #0b5e2a; }
    .status.missing { background: #fff3e0; border-color: #f0c58a; color: var(--sms-warn); }
    button.danger { border-color: #b00020; color: #b00020; }
    button.danger.primary { background: #b00020; color: #fff; }
    code { font-size: 12px; }
  `,
];

/** The "set by your practice" note beside a control locked by enterprise policy. */
export function lockedNote(t: Translate, locked: boolean, id?: string): TemplateResult | typeof nothing {
  return locked ? html`<span class="locked" id=${id ?? nothing}>🔒 ${t('optionsLockedByPractice')}</span>` : nothing;
}

/** A message shown after an action: polite status, or an alert for failures (announced by screen readers). */
export interface Feedback {
  kind: 'ok' | 'error';
  text: string;
}

export function feedbackLine(feedback: Feedback | null): TemplateResult {
  return html`<p role=${feedback?.kind === 'error' ? 'alert' : 'status'} class=${feedback?.kind ?? ''}>${feedback?.text ?? ''}</p>`;
}

/** The message of a failed request, for the feedback line. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A section of the options page: gets the shared context, and drops its messages when the language changes
 * (they were made in the old language).
 */
export class OptionsSection extends LitElement {
  static properties = { ctx: { attribute: false }, feedback: { state: true } };
  static styles = pageStyles;

  ctx!: OptionsContext;
  /** The outcome of the section's last action, shown under it. */
  feedback: Feedback | null = null;
  private shownLang = '';

  /** Clears the section's feedback and error texts. */
  protected clearMessages(): void {
    this.feedback = null;
  }

  /** Loads what the section shows from the background; called when the section is connected. */
  async refresh(): Promise<void> {}

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  protected override willUpdate(): void {
    if (this.ctx.lang !== this.shownLang) {
      if (this.shownLang) this.clearMessages();
      this.shownLang = this.ctx.lang;
    }
  }
}
