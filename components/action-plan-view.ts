import { LitElement, css, html, nothing } from 'lit';
import type { ActionPlanView } from '../lib/action-plan/schema';
import type { Translate } from '../lib/i18n';

const SCALE = Array.from({ length: 11 }, (_, i) => i);

/** Type size (pt) by density: large print for a normal plan, a little smaller for a long one. */
export const BASE_PT = { normal: 16, compact: 13 } as const;
/** Printable height of A4 with the page's 15 mm margins (297 - 30), less a safety strip, in CSS px. */
export const PRINTABLE_HEIGHT_PX = ((297 - 30 - 7) * 96) / 25.4;
/** Smallest type the fitting goes down to (pt): below this the page would stop being easy to read. */
const MIN_PT = 10;

/**
 * The patient's printed action plan ("My action plan"), in the patient's language: large type, plain words,
 * one A4 page. The name field is typed at print time and lives in this element only: never saved or sent.
 * Everything else comes from `plan` (built by the background, lib/action-plan/build.ts).
 */
export class SmsActionPlan extends LitElement {
  static properties = {
    plan: { attribute: false },
    t: { attribute: false },
    typedName: { state: true },
  };

  plan: ActionPlanView | null = null;
  t!: Translate;
  /** The name typed for printing: held in this element only, never saved or sent. */
  typedName = '';

  static styles = css`
    :host {
      display: block;
      color: #111;
      font: 16pt/1.3 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
      --accent: #0b6e6e;
      --line: #555;
    }
    :host([density='compact']) { font-size: 13pt; line-height: 1.25; }
    * { box-sizing: border-box; }
    header { border-bottom: 3px solid var(--accent); padding-bottom: 0.3em; }
    h1 { font-size: 1.75em; margin: 0; color: var(--accent); line-height: 1.1; }
    h2 { font-size: 1.12em; margin: 0 0 0.25em; color: var(--accent); }
    p { margin: 0; }
    section { margin-top: 0.55em; break-inside: avoid; }
    .name { display: grid; grid-template-columns: auto 1fr; align-items: end; gap: 0.5em; margin-top: 0.3em; }
    .name label { font-size: 0.85em; color: #333; }
    .name input {
      font: inherit; font-weight: 600; border: 0; border-bottom: 2px solid var(--line); padding: 2px 4px;
      background: #fff; color: #111; width: 100%;
    }
    .name input:focus { outline: 2px solid #1565c0; outline-offset: 2px; }
    .intro { margin-top: 0.5em; font-size: 0.9em; }
    .goal { border: 2px solid var(--accent); border-radius: 10px; padding: 0.45em 0.7em; }
    .goal-text { font-size: 1.2em; font-weight: 700; white-space: pre-wrap; overflow-wrap: anywhere; }
    .write { border-bottom: 1.5px solid var(--line); height: 1.6em; }
    ol { margin: 0; padding: 0; list-style: none; display: grid; gap: 0.3em; }
    li { display: grid; grid-template-columns: 1.2em 1fr; gap: 0.5em; align-items: start; overflow-wrap: anywhere; }
    .box { width: 1em; height: 1em; border: 2px solid var(--line); border-radius: 3px; margin-top: 0.18em; }
    .scale { display: grid; grid-template-columns: repeat(11, 1fr); gap: 4px; margin: 0.2em 0; max-width: 26em; }
    .scale span {
      border: 1.5px solid var(--line); border-radius: 6px; text-align: center; font-size: 0.9em; padding: 0.05em 0;
    }
    .scale span.chosen { border: 3px solid #111; border-radius: 50%; font-weight: 800; }
    .small { font-size: 0.8em; }
    .contacts { display: grid; gap: 0.2em; }
    .contact strong { font-weight: 700; }
    .date { font-size: 1.2em; font-weight: 700; }
    footer { margin-top: 0.8em; padding-top: 0.3em; border-top: 1px solid #999; font-size: 8.5pt; color: #444; }
    .screen-only { margin-top: 0.8em; display: flex; align-items: center; gap: 1em; font-size: 12pt; }
    .screen-only button {
      font: inherit; padding: 0.4em 1.2em; border-radius: 8px; border: 1px solid var(--accent);
      background: var(--accent); color: #fff; cursor: pointer;
    }
    .screen-only button:focus-visible { outline: 2px solid #1565c0; outline-offset: 2px; }
    .name-print { display: none; }
    @media print {
      .screen-only { display: none; }
      /* An input clips a long name; print a text copy that wraps instead (a line to write on when empty). */
      .name input { display: none; }
      .name-print { display: block; font-weight: 600; border-bottom: 2px solid var(--line); min-height: 1.4em; overflow-wrap: anywhere; }
    }
  `;

  protected override updated(): void {
    // The host's attribute lets the stylesheet pick the compact type size.
    if (this.plan) this.setAttribute('density', this.plan.density);
  }

  /**
   * Makes the printed part fit one A4 page: measured at the print width (the page lays it out 178 mm wide on
   * screen too), the type is made smaller step by step until it fits, never below MIN_PT. Returns the size used.
   */
  async fitToPage(): Promise<number> {
    await this.updateComplete;
    const sheet = this.renderRoot.querySelector<HTMLElement>('.sheet');
    if (!sheet || !this.plan) return 0;
    let pt: number = BASE_PT[this.plan.density];
    this.style.fontSize = `${pt}pt`;
    while (sheet.getBoundingClientRect().height > PRINTABLE_HEIGHT_PX && pt > MIN_PT) {
      pt = Math.max(MIN_PT, pt - 0.5);
      this.style.fontSize = `${pt}pt`;
    }
    return pt;
  }

  private renderSteps(plan: ActionPlanView) {
    const t = this.t;
    const items = plan.steps.length
      ? plan.steps.map((s) => html`<li data-strategy=${s.strategyId}><span class="box" aria-hidden="true"></span><span>${s.text}</span></li>`)
      : [0, 1, 2].map(() => html`<li><span class="box" aria-hidden="true"></span><span class="write"></span></li>`);
    return html`<section class="steps"><h2>${t('actionPlanStepsHeading')}</h2><ol>${items}</ol></section>`;
  }

  private renderConfidence(plan: ActionPlanView) {
    const t = this.t;
    const chosen = plan.confidence;
    return html`<section class="confidence">
      <h2>${t('actionPlanConfidenceHeading')}</h2>
      <div class="scale" aria-hidden="true">
        ${SCALE.map((n) => html`<span class=${n === chosen ? 'chosen' : ''}>${n}</span>`)}
      </div>
      <p class="small">${t('actionPlanConfidenceScale')}</p>
      ${chosen === null ? nothing : html`<p class="chosen-text">${t('actionPlanConfidenceChosen', chosen)}</p>`}
      <p class="small">${t('actionPlanConfidenceTip')}</p>
    </section>`;
  }

  private renderContacts(plan: ActionPlanView) {
    const t = this.t;
    return html`<section class="contacts">
      <h2>${t('actionPlanContactsHeading')}</h2>
      ${plan.contacts.length
        ? plan.contacts.map(
            (c) => html`<p class="contact">
              <strong>${c.name}</strong>${c.phone ? html` · ${t('actionPlanPhone', c.phone)}` : nothing}${c.note
                ? html`<br /><span class="small">${c.note}</span>`
                : nothing}
            </p>`,
          )
        : html`<p>${t('actionPlanContactsNone')}</p>`}
    </section>`;
  }

  protected override render() {
    const plan = this.plan;
    const t = this.t;
    if (!plan || !t) return nothing;
    return html`<div class="sheet">
      <header>
        <h1>${t('actionPlanTitle')}</h1>
        <div class="name">
          <label for="patient-name">${t('actionPlanNameLabel')}</label>
          <input
            id="patient-name"
            name="patient-name"
            type="text"
            autocomplete="off"
            spellcheck="false"
            maxlength="80"
            @input=${(e: Event) => (this.typedName = (e.target as HTMLInputElement).value)}
          />
          <span class="name-print" aria-hidden="true">${this.typedName}</span>
        </div>
      </header>
      <p class="intro">${t('actionPlanIntro')}</p>
      <section>
        <h2>${t('actionPlanGoalHeading')}</h2>
        <div class="goal">
          ${plan.goal
            ? html`<p class="goal-text">${plan.goal.text}</p>${plan.goal.when ? html`<p class="when">${t('actionPlanWhen', plan.goal.when)}</p>` : nothing}`
            : html`<p class="small">${t('actionPlanGoalBlank')}</p><div class="write"></div><div class="write"></div>`}
        </div>
      </section>
      ${this.renderSteps(plan)} ${this.renderConfidence(plan)} ${this.renderContacts(plan)}
      <section class="follow-up">
        <h2>${t('actionPlanFollowUpHeading')}</h2>
        ${plan.followUp ? html`<p class="date">${plan.followUp}</p>` : html`<p class="small">${t('actionPlanFollowUpNone')}</p><div class="write"></div>`}
      </section>
      <footer>${t('actionPlanFooter', `${plan.pack.id} ${plan.pack.version}`, plan.pack.checksum)}</footer>
      </div>
      <div class="screen-only">
        <button type="button" @click=${() => window.print()}>${t('actionPlanPrint')}</button>
        <span>${t('actionPlanNameHint')}</span>
      </div>
    `;
  }
}

export function defineActionPlanElements(): void {
  if (!customElements.get('sms-action-plan')) customElements.define('sms-action-plan', SmsActionPlan);
}
