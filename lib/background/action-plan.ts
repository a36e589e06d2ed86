import type { Browser } from 'webextension-polyfill';
import { buildActionPlan, packStamp } from '../action-plan/build';
import { getActivePack } from './packs';
import { ActionPlanJobSchema, JOB_TTL_MS, JobIdSchema, type ActionPlanJob, type ActionPlanView } from '../action-plan/schema';
import type { RequestOf } from '../messages';
import { loadSettings, type SettingsAreas } from '../settings/store';
import type { SmsDb } from '../storage/db';
import type { KeyValueArea } from '../storage/kv';
import { loadPatient } from '../storage/patient-store';
import type { Goal, PatientKey } from '../storage/records';
import type { Warn } from '../storage/rows';

/** Wakes the background to delete action plans nobody opened within JOB_TTL_MS. */
export const ACTION_PLAN_ALARM = 'sms-prompts-action-plan-expiry';
/** Keys of pending jobs in the jobs area: `actionPlan.<id>`. */
export const JOB_KEY_PREFIX = 'actionPlan.';
/** The extension page that prints the plan (entrypoints/action-plan/index.html). */
export const ACTION_PLAN_PAGE = '/action-plan.html';

/** What opening and reading a plan needs, injected so the handler cases run in tests without a browser. */
export interface ActionPlanDeps {
  /** browser.storage.session: memory only, cleared when the browser closes, not readable by content scripts. */
  jobs: KeyValueArea;
  /** Opens the action plan page for a job id in a new tab. */
  openPage: (id: string) => Promise<void>;
  /** 128 random bits as 32 hex characters. */
  randomId: () => string;
  /** Asks to be woken at `at` (epoch ms) to purge expired jobs; the latest call wins. */
  scheduleExpiry: (at: number) => void;
}

/** The part of the handler's deps these cases use (structurally a subset of HandlerDeps). */
interface Deps extends SettingsAreas {
  db: SmsDb;
  pseudonymise: (ref: string) => Promise<PatientKey>;
  now: () => number;
  warn: Warn;
  actionPlan?: ActionPlanDeps;
}

export function randomHexId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The real dependencies: session storage (a memory area where the browser has none), tabs and alarms. */
export function createActionPlanDeps(browser: Pick<Browser, 'runtime' | 'tabs' | 'alarms' | 'storage'>): ActionPlanDeps {
  const session = (browser.storage as Partial<Browser['storage']>).session;
  return {
    jobs: session ?? memoryJobsArea(),
    openPage: async (id) => {
      await browser.tabs.create({ url: browser.runtime.getURL(`${ACTION_PLAN_PAGE}#${id}` as '/action-plan.html') });
    },
    randomId: randomHexId,
    scheduleExpiry: (at) => {
      void browser.alarms.create(ACTION_PLAN_ALARM, { when: at });
    },
  };
}

/** A plain in-memory area, for browsers without storage.session (the background keeps it while it lives). */
export function memoryJobsArea(): KeyValueArea {
  const data = new Map<string, unknown>();
  return {
    get: async (keys) => {
      const wanted = keys == null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, data.get(k)]));
    },
    set: async (items) => {
      for (const [k, v] of Object.entries(items)) data.set(k, v);
    },
    remove: async (keys) => {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
  };
}

function need(deps: Deps): ActionPlanDeps {
  if (!deps.actionPlan) throw new Error('action plans are not available in this context');
  return deps.actionPlan;
}

/**
 * Deletes expired (and unreadable) jobs; when some remain, asks to be woken at the earliest expiry.
 * Returns how many were deleted.
 */
export async function purgeExpiredJobs(plans: ActionPlanDeps, now: number): Promise<number> {
  const all = await plans.jobs.get(null);
  const expired: string[] = [];
  let next = Infinity;
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(JOB_KEY_PREFIX)) continue;
    const job = ActionPlanJobSchema.safeParse(value);
    if (!job.success || job.data.expiresAt <= now) expired.push(key);
    else next = Math.min(next, job.data.expiresAt);
  }
  if (expired.length) await plans.jobs.remove(expired);
  if (next !== Infinity) plans.scheduleExpiry(next);
  return expired.length;
}

/** The goal to print: the one the sidebar sent, else the patient's newest saved goal. */
async function goalFor(req: RequestOf<'action-plan/open'>, deps: Deps): Promise<Goal | null> {
  if (req.goal !== undefined) return req.goal;
  const { record, goals } = await loadPatient(deps.db, await deps.pseudonymise(req.patientRef), deps.warn);
  const latest = record?.goal ?? goals[0] ?? null;
  return latest && { text: latest.text, when: latest.when, confidence: latest.confidence, followUp: latest.followUp };
}

/**
 * action-plan/open: builds the plan in the patient's language, keeps it for JOB_TTL_MS under a random id
 * (no patient identifier is kept with it) and opens the action plan page with that id in the URL fragment.
 */
export async function openActionPlan(req: RequestOf<'action-plan/open'>, deps: Deps): Promise<{ opened: true }> {
  const plans = need(deps);
  const now = deps.now();
  await purgeExpiredJobs(plans, now);
  const [goal, { settings }, active] = await Promise.all([
    goalFor(req, deps),
    loadSettings(deps, now),
    getActivePack(deps.local, req.lang), // the practice's imported pack of that language, else the built-in one
  ]);
  const view = buildActionPlan({
    lang: req.lang,
    goal,
    strategyIds: req.strategies.filter((id) => !settings.disabledStrategies.includes(id)),
    directory: settings.directory,
    localStrategies: settings.localStrategies,
    pack: active.pack,
    stamp: packStamp(active.pack, active.checksum),
  });
  const id = JobIdSchema.parse(plans.randomId());
  const job: ActionPlanJob = { expiresAt: now + JOB_TTL_MS, view };
  await plans.jobs.set({ [JOB_KEY_PREFIX + id]: job });
  plans.scheduleExpiry(job.expiresAt);
  await plans.openPage(id);
  return { opened: true };
}

/** action-plan/get (extension pages only): the plan, once. The job is deleted as it is read. */
export async function readActionPlan(req: RequestOf<'action-plan/get'>, deps: Deps): Promise<{ plan: ActionPlanView }> {
  const plans = need(deps);
  const key = JOB_KEY_PREFIX + req.id;
  const raw = (await plans.jobs.get(key))[key];
  if (raw !== undefined) await plans.jobs.remove(key);
  const job = ActionPlanJobSchema.safeParse(raw);
  if (!job.success || job.data.expiresAt <= deps.now()) {
    throw new Error('this action plan is no longer available (it is shown once, for 10 minutes): open it again from the sidebar');
  }
  return { plan: job.data.view };
}
