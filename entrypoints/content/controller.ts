import type { DetectionResult } from '../../lib/detection/result';
import type { ContentPack } from '../../lib/content/pack-schema';
import type { Settings } from '../../lib/settings/schema';
import type { Request } from '../../lib/messages';
import { createDetector, type Detector } from '../../lib/detection';
import { createTranslator, resolveLanguage, type Translate } from '../../lib/translate';
import { buildSidebarModel, EMPTY_STATE, toggle, type SidebarState } from '../../lib/sidebar/model';
import { splitVisitGoals, type VisitGoals } from '../../lib/sidebar/visit';
import type { Language } from '../../lib/conditions';
import type { FlowStepId } from '../../lib/content/pack-schema';
import type { Role } from '../../lib/settings/schema';
import type { GoalOutcome } from '../../lib/storage/records';
import { chooseTabTop, type Box } from '../../lib/sidebar/placement';
import { copyText, insertIntoNoteField } from '../../lib/page/note-field';
import { mountHost, type MountedHost } from '../../lib/page/sidebar-host';
import { sendRequest } from '../../lib/content-messaging';
import type { SidebarActions, SmsSidebar } from '../../components/sms-sidebar';
import type { PageStatus } from '../../lib/page-messages';

const MUTATION_QUIET_MS = 250;
const MUTATION_MAX_WAIT_MS = 1000;
const SAVE_DELAY_MS = 400;
const TAB_SIZE = { width: 34, height: 72 };
const CONTROLS = 'button, a[href], input, select, textarea, [role="button"], [contenteditable="true"], [tabindex]';

type MetricEvent = Extract<Request, { type: 'metrics/record' }>['event'];

/**
 * Glue between one EHR page and the extension: runs detection (again, incrementally, when a single-page
 * EHR changes), shows the sidebar when a chronic condition is found, and saves what the clinician ticks
 * through the background (which owns storage; nothing is stored in the page's origin).
 */
export class ContentController implements SidebarActions {
  private detector!: Detector;
  private detection: DetectionResult | null = null;
  private settings!: Settings;
  private pack!: ContentPack;
  private packChecksum = '';
  private t!: Translate;
  private mounted: MountedHost | null = null;
  private sidebar: SmsSidebar | null = null;
  private state: SidebarState = EMPTY_STATE;
  private visit: VisitGoals = { current: null, previous: null, history: [], followUpDue: false };
  private lang: Language = 'en';
  private patientRef: string | null = null;
  /** Bumped on every patient change so a late answer for the previous patient is ignored. */
  private patientToken = 0;
  private collapsed = false;
  /** A change not yet sent to the background; `timer` while the goal is being typed (saved when typing pauses). */
  private pendingSave: { ref: string; state: SidebarState; timer: ReturnType<typeof setTimeout> | null } | null = null;
  private pendingMutations: MutationRecord[] = [];
  private mutationTimer: ReturnType<typeof setTimeout> | null = null;
  private firstPendingAt = 0;
  private settingsWarning: string | undefined;
  private lockedKeys: string[] = [];
  private uiLoaded: Promise<boolean> | null = null;

  constructor(private readonly doc: Document) {}

  async start(): Promise<void> {
    const { settings, warning, lockedKeys } = await sendRequest({ type: 'settings/get' });
    this.settings = settings;
    this.settingsWarning = warning;
    this.lockedKeys = lockedKeys;
    // A chronic-care review is deliberate: it opens. A GP consultation starts as the remembered tab/panel.
    this.collapsed = settings.role === 'gp' && settings.sidebarCollapsed;
    this.lang = resolveLanguage(settings.language, navigator.language);
    // The pack (built-in or the practice's import) and the strings come from the background, in one language only.
    const [{ pack, checksum }, { messages }] = await Promise.all([
      sendRequest({ type: 'pack/get', lang: this.lang }),
      sendRequest({ type: 'ui/strings', lang: this.lang }),
    ]);
    this.pack = pack;
    this.packChecksum = checksum;
    this.t = createTranslator(messages);
    this.detector = createDetector(this.doc, { url: location.href, enabled: settings.promptConditions });
    // Observe first, so changes made while the first scan runs are not missed.
    new MutationObserver((records) => this.queueMutations(records)).observe(this.doc, {
      childList: true,
      subtree: true,
      characterData: true,
      characterDataOldValue: true,
      attributeFilter: [...this.detector.watchedAttributes],
    });
    // The first scan of a large chart runs in short slices, so the EHR page never stalls (no task over 50 ms).
    await this.apply(await this.detector.detectAsync());
    addEventListener('pagehide', () => this.flushSave());
    addEventListener('resize', () => this.placeTab());
  }

  // ---- Detection ----

  private queueMutations(records: MutationRecord[]): void {
    const host = this.mounted?.host;
    const relevant = records.filter((r) => r.target !== host && ![...r.addedNodes, ...r.removedNodes].includes(host!));
    if (relevant.length === 0) {
      this.mounted?.ensureAttached();
      return;
    }
    if (this.pendingMutations.length === 0) this.firstPendingAt = Date.now();
    this.pendingMutations.push(...relevant);
    if (this.mutationTimer) clearTimeout(this.mutationTimer);
    // Debounced, but never starved by a page that changes forever (a ticking clock).
    const wait = Math.max(0, Math.min(MUTATION_QUIET_MS, this.firstPendingAt + MUTATION_MAX_WAIT_MS - Date.now()));
    this.mutationTimer = setTimeout(() => {
      const batch = this.pendingMutations;
      this.pendingMutations = [];
      this.mutationTimer = null;
      const result = this.detector.onMutations(batch);
      if (result) void this.apply(result);
    }, wait);
  }

  private async apply(result: DetectionResult): Promise<void> {
    this.detection = result;
    if (result.patientRef !== this.patientRef) await this.switchPatient(result.patientRef);
    if (result.conditions.filter((c) => this.settings.promptConditions.includes(c.id)).length === 0) {
      this.unmount();
      return;
    }
    if (!this.mounted) {
      if (!(await this.loadUi()) || this.detection !== result) return; // a newer result took over while loading
      if (!this.mounted) {
        this.mount();
        this.metric('prompt_shown');
      }
    }
    this.render();
  }

  /** The sidebar's elements, injected into this page's isolated world on first need (lib/background/sidebar-ui.ts). */
  private loadUi(): Promise<boolean> {
    this.uiLoaded ??= sendRequest({ type: 'ui/load' }).then(
      () => true,
      (error: unknown) => {
        console.error('[SMS Prompts] could not load the sidebar:', error);
        this.uiLoaded = null; // the next detection asks again
        return false;
      },
    );
    return this.uiLoaded;
  }

  private async switchPatient(ref: string | null): Promise<void> {
    this.flushSave();
    this.patientRef = ref;
    this.state = EMPTY_STATE;
    this.visit = splitVisitGoals(null, [], new Date());
    const token = ++this.patientToken;
    if (!ref) return;
    const { record, goals } = await sendRequest({ type: 'record/load', patientRef: ref });
    if (token !== this.patientToken) return;
    this.visit = splitVisitGoals(record, goals, new Date());
    if (record) {
      this.state = { barriers: record.barriers, strategies: record.strategies, goal: this.visit.current, step: record.step };
    }
    this.render();
  }

  // ---- Sidebar ----

  private mount(): void {
    this.mounted = mountHost(this.doc);
    this.sidebar = this.doc.createElement('sms-sidebar') as SmsSidebar;
    this.sidebar.actions = this;
    this.mounted.root.append(this.sidebar);
    // Reachable from this isolated world only (the extension and devtools, e.g. the accessibility check), never the page.
    (globalThis as { __smsPromptsSidebar?: SmsSidebar }).__smsPromptsSidebar = this.sidebar;
    if (this.settingsWarning) this.sidebar.notice = { kind: 'error', text: this.t('settingsWarning') };
    // The take-home plan defaults to the language the EHR page is written in (the practice's patients' language).
    this.sidebar.patientLanguage = resolveLanguage('auto', this.doc.documentElement.lang || this.lang);
  }

  private unmount(): void {
    this.mounted?.remove();
    this.mounted = null;
    this.sidebar = null;
  }

  private render(): void {
    if (!this.sidebar || !this.detection) return;
    const sidebar = this.sidebar;
    sidebar.t = this.t;
    sidebar.collapsed = this.collapsed;
    sidebar.canInsert = this.noteField() !== null;
    sidebar.roleLocked = this.lockedKeys.includes('role');
    sidebar.model = buildSidebarModel({
      detection: this.detection,
      pack: this.pack,
      state: this.state,
      settings: this.settings,
      visit: this.visit,
      packChecksum: this.packChecksum,
    });
    if (!this.patientRef) sidebar.saveStatus = this.t('noPatient');
    if (this.collapsed) this.placeTab();
  }

  private placeTab(): void {
    if (!this.sidebar || !this.collapsed) return;
    const viewport = { width: this.doc.documentElement.clientWidth, height: innerHeight };
    const obstacles: Box[] = [];
    for (const el of this.doc.querySelectorAll(CONTROLS)) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.right > viewport.width - TAB_SIZE.width - 8) {
        obstacles.push({ top: r.top, left: r.left, width: r.width, height: r.height });
      }
    }
    this.sidebar.tabTop = chooseTabTop({ viewport, tab: TAB_SIZE, obstacles });
  }

  private noteField(): Element | null {
    const selector = this.detection?.noteField;
    if (!selector) return null;
    try {
      return this.doc.querySelector(selector);
    } catch {
      return null;
    }
  }

  // ---- Questions from the popup ----

  status(): PageStatus {
    return {
      detection: this.detection,
      sidebar: !this.sidebar ? 'hidden' : this.collapsed ? 'collapsed' : 'open',
    };
  }

  openSidebar(): void {
    if (this.sidebar && this.collapsed) this.setCollapsed(false);
  }

  // ---- What the clinician does (SidebarActions) ----

  toggleBarrier(id: string): void {
    const ticking = !this.state.barriers.includes(id);
    this.update({ barriers: toggle(this.state.barriers, id) });
    if (ticking) this.metric('barrier_ticked');
  }

  toggleStrategy(id: string): void {
    const choosing = !this.state.strategies.includes(id);
    this.update({ strategies: toggle(this.state.strategies, id) });
    if (choosing) this.metric('strategy_chosen');
  }

  /** 'goal_agreed' is counted by the background when it saves a new goal, atomically with the goal history. */
  setGoal(goal: SidebarState['goal']): void {
    this.update({ goal }, 'soon');
  }

  setCollapsed(collapsed: boolean): void {
    this.collapsed = collapsed;
    this.render();
    sendRequest({ type: 'settings/set-collapsed', collapsed }).catch(() => {
      // Locked by practice policy or the extension was reloaded: the choice holds for this page only.
    });
    this.metric(collapsed ? 'dismissed' : 'sidebar_opened');
  }

  setRole(role: Role): void {
    this.settings = { ...this.settings, role };
    this.render();
    sendRequest({ type: 'settings/set-role', role }).catch(() => {
      // Locked by practice policy: the switch holds for this page only.
    });
  }

  setStep(step: FlowStepId): void {
    this.update({ step });
  }

  reviewGoal(outcome: GoalOutcome): void {
    const previous = this.visit.previous;
    const ref = this.patientRef;
    if (!previous || !ref) return;
    sendRequest({ type: 'goal/review', patientRef: ref, goalId: previous.id, outcome })
      .then(({ goal }) => {
        if (ref !== this.patientRef) return;
        this.visit = { ...this.visit, previous: goal, history: this.visit.history.map((g) => (g.id === goal.id ? goal : g)) };
        this.render();
      })
      .catch((error: unknown) => this.showNotice({ kind: 'error', text: this.t('saveFailed', String(error)) }));
  }

  openActionPlan(patientLanguage: Language): void {
    const ref = this.patientRef;
    if (!ref) {
      this.showNotice({ kind: 'error', text: this.t('noPatient') });
      return;
    }
    this.flushSave();
    const { strategies, goal } = this.state;
    sendRequest({ type: 'action-plan/open', patientRef: ref, lang: patientLanguage, strategies, goal }).catch(
      (error: unknown) => this.showNotice({ kind: 'error', text: String(error) }),
    );
  }

  copySummary(): void {
    const model = this.sidebar?.model;
    if (!model || !this.mounted) return;
    void copyText(model.summary, this.mounted.root).then((ok) => {
      this.showNotice(ok ? { kind: 'info', text: this.t('copied') } : { kind: 'error', text: this.t('copyFailed') });
      if (ok) this.metric('summary_copied');
    });
  }

  insertIntoNote(): void {
    const field = this.noteField();
    const model = this.sidebar?.model;
    if (!model) return;
    const ok = field !== null && insertIntoNoteField(field, model.summary);
    this.showNotice(ok ? { kind: 'info', text: this.t('inserted') } : { kind: 'error', text: this.t('noNoteField') });
  }

  // ---- Saving ----

  /**
   * A tick or a step is saved at once: the clinician may close the tab straight after, and a message sent while
   * the page unloads is not always delivered (Firefox drops it). Typing the goal is saved when it pauses.
   */
  private update(patch: Partial<SidebarState>, save: 'now' | 'soon' = 'now'): void {
    this.state = { ...this.state, ...patch };
    this.render();
    const ref = this.patientRef;
    if (!ref) return;
    if (this.pendingSave?.timer) clearTimeout(this.pendingSave.timer);
    const timer = save === 'soon' ? setTimeout(() => this.flushSave(), SAVE_DELAY_MS) : null;
    this.pendingSave = { ref, state: this.state, timer };
    if (save === 'now') this.flushSave();
  }

  /** Writes the pending change now (a tick, a patient switch, page hide). */
  private flushSave(): void {
    const pending = this.pendingSave;
    if (!pending) return;
    if (pending.timer) clearTimeout(pending.timer);
    this.pendingSave = null;
    const conditions = (this.detection?.conditions ?? []).map((c) => c.id);
    sendRequest({
      type: 'record/save',
      patientRef: pending.ref,
      record: { conditions, ...pending.state },
    })
      .then(() => this.setSaveStatus(pending.ref, this.t('saved')))
      .catch((error: unknown) => this.setSaveStatus(pending.ref, this.t('saveFailed', String(error))));
  }

  private setSaveStatus(ref: string, text: string): void {
    if (this.sidebar && ref === this.patientRef) this.sidebar.saveStatus = text;
  }

  private showNotice(notice: SmsSidebar['notice']): void {
    if (this.sidebar) this.sidebar.notice = notice;
  }

  private metric(event: MetricEvent): void {
    const conditions = (this.detection?.conditions ?? []).map((c) => c.id);
    sendRequest({ type: 'metrics/record', event, conditions }).catch(() => {
      // Metrics are best effort: a failure must never disturb the consultation.
    });
  }
}
