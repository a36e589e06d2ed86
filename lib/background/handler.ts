import { z } from 'zod';
import {
  PRIVILEGED_REQUESTS,
  RequestSchema,
  ResponseDataSchemas,
  type DataExport,
  type Reply,
  type RequestOf,
  type RequestType,
  type ResponseData,
} from '../messages';
import { openActionPlan, readActionPlan, type ActionPlanDeps } from './action-plan';
import { corruptSettingsCopies, loadSettings, removeCorruptSettingsCopies, saveSettings, type SettingsAreas } from '../settings/store';
import type { SmsDb } from '../storage/db';
import { dumpDb, eraseDb } from '../storage/export';
import { metricRowsFor, summariseMetrics } from '../storage/metrics';
import { loadPatient, reviewGoal, savePatient } from '../storage/patient-store';
import { MetricRowSchema, type PatientKey } from '../storage/records';
import { parseRows, type Warn } from '../storage/rows';
import { isSitePattern } from '../sites/patterns';
import { getActivePack, importPack, resetPack } from './packs';
import type { SiteRegistrar } from './sites';
import type { Frame, UiInjector } from './sidebar-ui';
import { MESSAGES } from '../i18n';

/** Everything the handler touches, injected so it runs in tests without a browser. */
export interface HandlerDeps extends SettingsAreas {
  db: SmsDb;
  /** Raw patient reference -> HMAC key (lib/storage/pseudonym.ts createPseudonymiser). */
  pseudonymise: (ref: string) => Promise<PatientKey>;
  now: () => number;
  warn: Warn;
  /** Per-site content scripts and host permissions (lib/background/sites.ts); absent where there is no browser. */
  sites?: SiteRegistrar;
  /** Printed action plans: session storage, tabs, alarms (lib/background/action-plan.ts); absent: those requests fail. */
  actionPlan?: ActionPlanDeps;
  /** Puts the sidebar UI script into a tab's frame (lib/background/sidebar-ui.ts); absent: ui/load fails. */
  ui?: UiInjector;
}

function sitesOf(deps: HandlerDeps): SiteRegistrar {
  if (!deps.sites) throw new Error('site registration is not available here');
  return deps.sites;
}

async function siteStatus(deps: HandlerDeps) {
  const { settings } = await loadSettings(deps, deps.now());
  return { sites: await sitesOf(deps).status(settings.enabledSites) };
}

/** Who sent the request. Only extension pages are trusted; the content script (beside the EHR page) is not. */
export interface RequestContext {
  trusted: boolean;
  /** The tab and frame the request came from; absent for extension pages outside a tab (popup, options). */
  frame?: Frame;
}

type Handlers = {
  [T in RequestType]: (req: RequestOf<T>, deps: HandlerDeps, context: RequestContext) => Promise<ResponseData<T>>;
};

let lastSave: Promise<unknown> = Promise.resolve();

/** Runs `save` after every save that came before it has finished (or failed). */
function inOrder<T>(save: () => Promise<T>): Promise<T> {
  const run = lastSave.then(save);
  lastSave = run.catch(() => undefined);
  return run;
}

const handlers: Handlers = {
  'record/load': async (req, deps) => loadPatient(deps.db, await deps.pseudonymise(req.patientRef), deps.warn),

  // Each save holds the whole record: they are written in the order they came, so a later tick never loses to an
  // earlier one whose pseudonym or settings took longer to read.
  'record/save': (req, deps) =>
    inOrder(async () => {
      const [patientKey, { settings }] = await Promise.all([deps.pseudonymise(req.patientRef), loadSettings(deps, deps.now())]);
      return savePatient(deps.db, patientKey, req.record, { now: deps.now(), role: settings.role }, deps.warn);
    }),

  'goal/review': async (req, deps) => ({
    goal: await reviewGoal(deps.db, await deps.pseudonymise(req.patientRef), req.goalId, req.outcome, deps.now()),
  }),

  'settings/get': async (_req, deps) => loadSettings(deps, deps.now()),
  'settings/set-collapsed': async (req, deps) => saveSettings(deps, { sidebarCollapsed: req.collapsed }, deps.now()),
  'ui/strings': async (req) => ({ messages: MESSAGES[req.lang] }),
  'ui/load': async (_req, deps, context) => {
    if (!deps.ui || !context.frame) throw new Error('the sidebar can only be loaded into a page');
    await deps.ui(context.frame);
    return { loaded: true as const };
  },
  'settings/set-role': async (req, deps) => saveSettings(deps, { role: req.role }, deps.now()),
  'settings/save': async (req, deps) => saveSettings(deps, req.patch, deps.now()),

  'metrics/record': async (req, deps) => {
    if (req.event === 'goal_agreed') return { recorded: 0 }; // counted by record/save, once per agreed goal
    const { settings } = await loadSettings(deps, deps.now());
    const rows = metricRowsFor(req.event, req.conditions, settings.role, deps.now());
    await deps.db.metrics.bulkAdd(rows);
    return { recorded: rows.length };
  },

  'metrics/summary': async (_req, deps) => {
    const rows = parseRows(MetricRowSchema, await deps.db.metrics.toArray(), 'metrics', deps.warn);
    return { rows: summariseMetrics(rows) };
  },

  'data/export': async (_req, deps): Promise<DataExport> => {
    const [dump, { settings }, settingsCopies] = await Promise.all([
      dumpDb(deps.db, deps.warn),
      loadSettings(deps, deps.now()),
      corruptSettingsCopies(deps.local),
    ]);
    return {
      format: 'sms-prompts-export',
      formatVersion: 1,
      exportedAt: deps.now(),
      ...dump,
      settings,
      corrupt: [...dump.corrupt, ...settingsCopies.map(({ key, value }) => ({ source: 'settings', key, value }))],
    };
  },

  'data/erase': async (_req, deps) => {
    await eraseDb(deps.db);
    await removeCorruptSettingsCopies(deps.local);
    return { erased: true as const };
  },

  'data/counts': async (_req, deps) => {
    const [consultations, goals, metrics, metaCopies, settingsCopies] = await Promise.all([
      deps.db.consultations.count(),
      deps.db.goals.count(),
      deps.db.metrics.count(),
      deps.db.meta.where('key').startsWith('corrupt.').count(),
      corruptSettingsCopies(deps.local),
    ]);
    return { consultations, goals, metrics, corrupt: metaCopies + settingsCopies.length };
  },

  'pack/get': async (req, deps) => getActivePack(deps.local, req.lang),
  'pack/import': async (req, deps) => importPack(deps.local, req.pack, deps.now()),
  'pack/reset': async (req, deps) => {
    await resetPack(deps.local, req.lang);
    return getActivePack(deps.local, req.lang);
  },

  'sites/status': async (_req, deps) => siteStatus(deps),

  'sites/add': async (req, deps) => {
    const sites = sitesOf(deps);
    if (!isSitePattern(req.pattern)) throw new Error(`not a site address: ${req.pattern}`);
    if (!(await sites.hasPermission(req.pattern))) throw new Error(`no permission for ${req.pattern}: the browser did not grant it`);
    const { settings } = await loadSettings(deps, deps.now());
    if (!settings.enabledSites.includes(req.pattern)) {
      await saveSettings(deps, { enabledSites: [...settings.enabledSites, req.pattern] }, deps.now());
    }
    await sites.enable(req.pattern);
    return siteStatus(deps);
  },

  'sites/remove': async (req, deps) => {
    const sites = sitesOf(deps);
    const { settings } = await loadSettings(deps, deps.now());
    if (settings.enabledSites.includes(req.pattern)) {
      await saveSettings(deps, { enabledSites: settings.enabledSites.filter((p) => p !== req.pattern) }, deps.now());
    }
    await sites.disable(req.pattern);
    return siteStatus(deps);
  },

  'action-plan/open': openActionPlan,
  'action-plan/get': readActionPlan,
};

const describe = (error: unknown): string =>
  error instanceof z.ZodError
    ? `invalid: ${error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`
    : error instanceof Error
      ? error.message
      : String(error);

/**
 * Parses and answers one message. Never throws: failures are `{ ok: false, error }`.
 * Untrusted senders (content scripts) are refused the PRIVILEGED_REQUESTS.
 */
export async function handleRequest(
  raw: unknown,
  deps: HandlerDeps,
  context: RequestContext = { trusted: false },
): Promise<Reply<ResponseData<RequestType>>> {
  const parsed = RequestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `invalid request: ${describe(parsed.error)}` };
  const req = parsed.data;
  if (PRIVILEGED_REQUESTS.has(req.type) && !context.trusted) {
    return { ok: false, error: `${req.type} is only allowed from the extension's own pages` };
  }
  try {
    const handler = handlers[req.type] as (r: typeof req, d: HandlerDeps, c: RequestContext) => Promise<unknown>;
    const data = ResponseDataSchemas[req.type].parse(await handler(req, deps, context)) as ResponseData<RequestType>;
    return { ok: true, data };
  } catch (error) {
    deps.warn(`${req.type} failed: ${describe(error)}`);
    return { ok: false, error: describe(error) };
  }
}
