import { LitElement, css, html, nothing } from 'lit';
import type { Translate } from '../lib/i18n';
import type { SidebarModel, StepView } from '../lib/sidebar/model';
import type { Goal, GoalOutcome } from '../lib/storage/records';
import type { FlowStepId } from '../lib/content/pack-schema';
import { LANGUAGES, type Language } from '../lib/conditions';
import type { Role } from '../lib/settings/schema';
import { baseStyles } from './styles';
import { SmsConditionList } from './sms-condition-list';
import { SmsBarrierChecklist } from './sms-barrier-checklist';
import { SmsStrategyList } from './sms-strategy-list';
import { SmsGoalForm } from './sms-goal-form';
import { SmsGoalReview } from './sms-goal-review';
import { SmsFlowNav } from './sms-flow-nav';

/** What the sidebar asks of its controller. Called directly, never through composed DOM events, so
 * nothing the clinician ticks or types is announced to the host page's listeners. */
export interface SidebarActions {
  toggleBarrier(id: string): void;
  toggleStrategy(id: string): void;
  setGoal(goal: Goal | null): void;
  setCollapsed(collapsed: boolean): void;
  setRole(role: Role): void;
  setStep(step: FlowStepId): void;
  reviewGoal(outcome: GoalOutcome): void;
  copySummary(): void;
  insertIntoNote(): void;
  openActionPlan(patientLanguage: Language): void;
}

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

export const PANEL_WIDTH = 380;

/** The SMS sidebar: a collapsible panel on the right edge of the EHR page. */
export class SmsSidebar extends LitElement {
  static properties = {
    model: { attribute: false },
    t: { attribute: false },
    actions: { attribute: false },
    collapsed: { type: Boolean },
    tabTop: { type: Number },
    notice: { attribute: false },
    saveStatus: { attribute: false },
    canInsert: { type: Boolean },
    patientLanguage: { attribute: false },
    roleLocked: { type: Boolean },
  };

  model: SidebarModel | null = null;
  t!: Translate;
  actions!: SidebarActions;
  collapsed = false;
  /** Vertical position of the collapsed tab, chosen to keep clear of the EHR's own controls. */
  tabTop = 120;
  notice: Notice | null = null;
  saveStatus = '';
  canInsert = false;
  /** The patient's language for the take-home action plan, independent of the clinician's UI language. */
  patientLanguage: Language = 'en';
  /** The practice set the role by policy: the switch shows it but cannot change it. */
  roleLocked = false;

  static styles = [
    baseStyles,
    css`
      .tab {
        position: fixed; right: 0; width: 34px; padding: 8px 0; border-radius: 8px 0 0 8px;
        border: 1px solid var(--sms-accent); border-right: 0; background: var(--sms-accent); color: #fff;
        display: grid; justify-items: center; gap: 4px; box-shadow: -2px 2px 6px rgba(0, 0, 0, 0.2);
      }
      .tab:hover { background: #095858; }
      .tab .label { writing-mode: vertical-rl; font-weight: 600; letter-spacing: 0.08em; }
      .tab .count { background: #fff; color: var(--sms-accent); border-radius: 9px; min-width: 18px; font-size: 11px; font-weight: 700; text-align: center; }
      aside {
        position: fixed; top: 0; right: 0; bottom: 0; width: ${PANEL_WIDTH}px; max-width: 100vw;
        background: #f7f9fa; border-left: 1px solid var(--sms-border); box-shadow: -4px 0 12px rgba(0, 0, 0, 0.15);
        display: flex; flex-direction: column;
      }
      header { display: flex; align-items: center; gap: 8px; padding: 8px 10px; background: var(--sms-accent); color: #fff; }
      /* The title wraps (at the soft hyphen in Dutch) before the role switch gives way: the role must stay readable. */
      header h1 { font-size: 14px; margin: 0; flex: 1; min-width: 0; overflow-wrap: anywhere; }
      header button { background: transparent; color: #fff; border-color: rgba(255, 255, 255, 0.6); }
      header button:hover { background: rgba(255, 255, 255, 0.15); }
      .body { overflow-y: auto; padding: 8px 10px 12px; display: grid; gap: 14px; align-content: start; flex: 1; }
      section > h2 { margin-bottom: 2px; }
      .hint { font-size: 12px; margin: 0; }
      footer { border-top: 1px solid var(--sms-border); padding: 8px 10px; display: grid; gap: 6px; background: #fff; }
      .buttons { display: flex; gap: 6px; flex-wrap: wrap; }
      .notice { font-size: 12px; margin: 0; }
      footer p { margin: 0; }
      .notice.error { color: #b00020; }
      .status { font-size: 11px; }
      .status:empty { display: none; }
      .roles { flex: none; display: inline-flex; border: 1px solid rgba(255, 255, 255, 0.6); border-radius: 6px; overflow: hidden; }
      .roles button { border: 0; border-radius: 0; font-size: 11px; padding: 3px 6px; }
      .roles button[aria-pressed='true'] { background: #fff; color: var(--sms-accent); font-weight: 600; }
      .step-prompt { font-size: 12px; margin: 2px 0 6px; }
      .step-nav { display: flex; justify-content: space-between; }
      .pack { font-size: 10px; }
      select { font: inherit; border: 1px solid var(--sms-border); border-radius: 6px; padding: 3px; background: #fff; }
      .due-dot { background: #ffb74d; color: #1d2733; border-radius: 9px; font-size: 10px; font-weight: 700; padding: 0 4px; }
      textarea.summary { width: 100%; font: 11px/1.35 ui-monospace, monospace; min-height: 60px; border: 1px solid var(--sms-border); border-radius: 6px; }
    `,
  ];

  constructor() {
    super();
    // Keystrokes typed in the sidebar must not trigger the EHR's own keyboard shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress']) {
      this.addEventListener(type, (event) => {
        if ((event as KeyboardEvent).key === 'Escape' && type === 'keydown' && !this.collapsed) {
          this.actions.setCollapsed(true);
        }
        event.stopPropagation();
      });
    }
  }

  protected updated(changed: Map<string, unknown>) {
    // Moving between tab and panel keeps keyboard focus on the control that replaced the one used.
    if (changed.has('collapsed') && changed.get('collapsed') !== undefined) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.collapsed ? '.tab' : '.collapse');
      target?.focus();
    }
  }

  private renderTab(model: SidebarModel) {
    const count = model.conditions.length;
    // The accessible name starts with the visible text ("SMS 3"), so speech users can say what they see.
    const label = [`${this.t('sidebarTab')} ${count}`, this.t('openSidebar'), this.t('conditionCountBadge', count), model.followUpDue ? this.t('followUpDue') : '']
      .filter(Boolean)
      .join(', ');
    return html`<button class="tab" style="top: ${this.tabTop}px" aria-expanded="false" aria-label=${label}
      @click=${() => this.actions.setCollapsed(false)}>
      <span class="label">${this.t('sidebarTab')}</span>
      <span class="count">${count}</span>
      ${model.followUpDue ? html`<span class="due-dot" aria-hidden="true">!</span>` : nothing}
    </button>`;
  }

  private renderHeader(model: SidebarModel) {
    const role = (r: Role, key: 'roleGp' | 'roleNurse') =>
      html`<button class="role" data-role=${r} aria-pressed=${String(model.role === r)} ?disabled=${this.roleLocked}
        title=${this.roleLocked ? this.t('optionsLockedByPractice') : ''} @click=${() => this.actions.setRole(r)}>
        ${this.t(key)}</button>`;
    return html`<header>
      <h1>${this.t('sidebarTitle')}</h1>
      <div class="roles" role="group" aria-label=${this.t('roleSwitch')}>${role('gp', 'roleGp')}${role('nurse', 'roleNurse')}</div>
      <button class="collapse" aria-expanded="true" aria-label=${this.t('collapseSidebar')} title=${this.t('collapseSidebar')}
        @click=${() => this.actions.setCollapsed(true)}>⇥</button>
    </header>`;
  }

  private renderBarriers(model: SidebarModel) {
    return html`<section class="barriers">
      <h2>${this.t('barriersTitle')}</h2>
      <sms-barrier-checklist .groups=${model.barrierGroups}
        @barrier-toggle=${(e: CustomEvent<string>) => this.actions.toggleBarrier(e.detail)}></sms-barrier-checklist>
    </section>`;
  }

  private renderStrategies(strategies: SidebarModel['quickStrategies'], title?: string) {
    return html`<section class="strategies">
      ${title ? html`<h2>${title}</h2>` : nothing}
      <p class="hint muted">${this.t('strategiesHint')}</p>
      <sms-strategy-list .strategies=${strategies} .t=${this.t}
        @strategy-toggle=${(e: CustomEvent<string>) => this.actions.toggleStrategy(e.detail)}></sms-strategy-list>
    </section>`;
  }

  private renderGoal(model: SidebarModel, compact: boolean) {
    return html`<section class="goal">
      <sms-goal-form .goal=${model.goal} .advice=${model.confidence} ?compact=${compact} .t=${this.t}
        @goal-change=${(e: CustomEvent<Goal | null>) => this.actions.setGoal(e.detail)}></sms-goal-form>
    </section>`;
  }

  private renderReview(model: SidebarModel, withHistory: boolean) {
    return model.previousGoal
      ? html`<sms-goal-review .previous=${model.previousGoal} .history=${model.goalHistory} ?showHistory=${withHistory}
          ?followUpDue=${model.followUpDue} .t=${this.t}
          @goal-review=${(e: CustomEvent<GoalOutcome>) => this.actions.reviewGoal(e.detail)}></sms-goal-review>`
      : nothing;
  }

  /** GP consultation: one screen, one-tap chips, at most three suggestions, seconds not minutes. */
  private renderQuick(model: SidebarModel) {
    return html`${this.renderReview(model, false)} ${this.renderBarriers(model)}
      ${this.renderStrategies(model.quickStrategies, this.t('strategiesTitle'))} ${this.renderGoal(model, true)}`;
  }

  /** Chronic-care review: the 5As, each step skippable, with all barriers and the goal history. */
  private renderFlow(model: SidebarModel) {
    const index = model.steps.findIndex((s) => s.id === model.step);
    const step: StepView | undefined = model.steps[index];
    if (!step) return nothing;
    const go = (i: number) => {
      const target = model.steps[i];
      if (target) this.actions.setStep(target.id);
    };
    const content = {
      assess: () => html`${this.renderReview(model, true)} ${this.renderBarriers(model)}`,
      advise: () => this.renderStrategies(step.strategies),
      agree: () => html`${this.renderGoal(model, false)} ${this.renderStrategies(step.strategies)}`,
      assist: () => this.renderStrategies(step.strategies),
      arrange: () => html`${this.renderStrategies(step.strategies)} ${this.renderGoal(model, true)}`,
    }[step.id];
    return html`<sms-flow-nav .steps=${model.steps} .current=${model.step} .label=${this.t('flowLabel')}
        @step-change=${(e: CustomEvent<FlowStepId>) => this.actions.setStep(e.detail)}></sms-flow-nav>
      <section class="step" data-step=${step.id} aria-labelledby="step-title">
        <h2 id="step-title">${step.title}</h2>
        <p class="step-prompt muted">${step.prompt}</p>
        ${content()}
      </section>
      <div class="step-nav">
        <button class="back" ?disabled=${index === 0} @click=${() => go(index - 1)}>${this.t('stepBack')}</button>
        <button class="next" ?disabled=${index === model.steps.length - 1} @click=${() => go(index + 1)}>${this.t('stepNext')}</button>
      </div>`;
  }

  private renderFooter(model: SidebarModel) {
    return html`<footer>
      <div class="buttons">
        <button class="primary copy" @click=${() => this.actions.copySummary()}>${this.t('copySummary')}</button>
        ${this.canInsert
          ? html`<button class="insert" @click=${() => this.actions.insertIntoNote()}>${this.t('insertIntoNote')}</button>`
          : nothing}
      </div>
      <div class="buttons">
        <label class="muted" for="patient-language">${this.t('patientLanguage')}</label>
        <select id="patient-language" @change=${(e: Event) => (this.patientLanguage = (e.target as HTMLSelectElement).value as Language)}>
          ${LANGUAGES.map((l) => html`<option value=${l} ?selected=${l === this.patientLanguage}>${l.toUpperCase()}</option>`)}
        </select>
        <button class="action-plan" @click=${() => this.actions.openActionPlan(this.patientLanguage)}>${this.t('actionPlan')}</button>
      </div>
      ${this.notice ? html`<p class="notice ${this.notice.kind}" role="status">${this.notice.text}</p>` : nothing}
      ${this.notice?.kind === 'error'
        ? html`<textarea class="summary" readonly aria-label=${this.t('copySummary')} .value=${model.summary}></textarea>`
        : nothing}
      <p class="status muted" aria-live="polite">${this.saveStatus}</p>
      <p class="pack muted">${this.t('packVersion', [model.pack.id, model.pack.version, model.pack.checksum].filter(Boolean).join(' · '))}</p>
    </footer>`;
  }

  private renderPanel(model: SidebarModel) {
    return html`<aside role="complementary" aria-label=${this.t('sidebarTitle')} data-role=${model.role}>
      ${this.renderHeader(model)}
      <div class="body">
        <section class="conditions">
          <sms-condition-list .conditions=${model.conditions} .ruledOut=${model.ruledOut} .t=${this.t}></sms-condition-list>
        </section>
        ${model.role === 'gp' ? this.renderQuick(model) : this.renderFlow(model)}
      </div>
      ${this.renderFooter(model)}
    </aside>`;
  }

  render() {
    if (!this.model) return nothing;
    return this.collapsed ? this.renderTab(this.model) : this.renderPanel(this.model);
  }
}

/** Registers the sidebar's elements once. Called by the injected sidebar UI script after the custom-elements
 * polyfill (content scripts have no `customElements` registry of their own) and by extension pages. */
export function defineSidebarElements(): void {
  const elements: [string, CustomElementConstructor][] = [
    ['sms-sidebar', SmsSidebar],
    ['sms-condition-list', SmsConditionList],
    ['sms-barrier-checklist', SmsBarrierChecklist],
    ['sms-strategy-list', SmsStrategyList],
    ['sms-goal-form', SmsGoalForm],
    ['sms-goal-review', SmsGoalReview],
    ['sms-flow-nav', SmsFlowNav],
  ];
  for (const [name, ctor] of elements) if (!customElements.get(name)) customElements.define(name, ctor);
}
