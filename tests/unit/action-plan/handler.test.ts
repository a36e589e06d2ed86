import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ACTION_PLAN_ALARM,
  createActionPlanDeps,
  JOB_KEY_PREFIX,
  memoryJobsArea,
  purgeExpiredJobs,
  randomHexId,
  type ActionPlanDeps,
} from '../../../lib/background/action-plan';
import { handleRequest, type HandlerDeps } from '../../../lib/background/handler';
import { importPack } from '../../../lib/background/packs';
import { JOB_TTL_MS, type ActionPlanView } from '../../../lib/action-plan/schema';
import { loadBuiltInPack, packChecksum } from '../../../lib/content/packs';
import { replySchemaFor, type RequestInput, type RequestType } from '../../../lib/messages';
import { SETTINGS_KEY } from '../../../lib/settings/store';
import { dumpEverything, memoryArea, NOW, recordInput } from '../storage/helpers';
import { freshDeps } from '../background/helpers';

const REF = 'Jantje de Vries-Bakker 943 476 5919';
const content = { trusted: false };
const page = { trusted: true };

let deps: HandlerDeps;
let clock: { now: number };
let plans: ActionPlanDeps & { opened: string[]; scheduled: number[] };

beforeEach(() => {
  ({ deps, clock } = freshDeps());
  let n = 0;
  const opened: string[] = [];
  const scheduled: number[] = [];
  plans = {
    jobs: memoryArea(),
    openPage: async (id) => void opened.push(id),
    randomId: () => (++n).toString(16).padStart(32, '0'),
    scheduleExpiry: (at) => void scheduled.push(at),
    opened,
    scheduled,
  };
  deps.actionPlan = plans;
});

async function send<R extends RequestInput>(req: R, context = content) {
  const reply = await handleRequest(req, deps, context);
  expect(replySchemaFor(req.type as RequestType).safeParse(reply).success).toBe(true);
  return reply;
}

/** Opens a plan as the sidebar does and reads it back as the action plan page does. */
async function openAndRead(req: Omit<Extract<RequestInput, { type: 'action-plan/open' }>, 'type'>): Promise<ActionPlanView> {
  const opened = await send({ type: 'action-plan/open', ...req });
  expect(opened).toEqual({ ok: true, data: { opened: true } });
  const id = plans.opened.at(-1)!;
  const reply = await send({ type: 'action-plan/get', id }, page);
  if (!reply.ok) throw new Error(reply.error);
  return (reply.data as { plan: ActionPlanView }).plan;
}

describe('action-plan/open and action-plan/get', () => {
  it('builds the plan in the patient\'s language from the goal sent by the sidebar', async () => {
    const goal = { text: 'Elke dag 10 minuten wandelen', when: 'na het eten', confidence: 6, followUp: '2026-04-01' };
    const plan = await openAndRead({ patientRef: REF, lang: 'nl', strategies: ['physical_activity'], goal });
    expect(plan.lang).toBe('nl');
    expect(plan.goal).toEqual({ text: goal.text, when: goal.when });
    expect(plan.confidence).toBe(6);
    expect(plan.followUp).toBe('woensdag 1 april 2026');
    expect(plan.steps.map((s) => s.strategyId)).toEqual(['physical_activity']);
  });

  it('reads the newest saved goal of the patient when the request carries none', async () => {
    await send({ type: 'record/save', patientRef: REF, record: recordInput() });
    const plan = await openAndRead({ patientRef: 'jantje de vries-bakker  943 476 5919', lang: 'en', strategies: [] });
    expect(plan.goal).toEqual({ text: 'Walk after lunch', when: '3 times a week' });
    expect(plan.confidence).toBe(8);
  });

  it('prints a blank goal for a patient with nothing saved', async () => {
    expect((await openAndRead({ patientRef: 'Someone Else', lang: 'fr', strategies: [] })).goal).toBeNull();
  });

  it('matches contacts in the practice directory, also when policy sets it, and leaves out disabled strategies', async () => {
    deps.managed = memoryArea({
      directory: [{ id: 'd', role: 'dietitian', name: 'Diëtistenpraktijk Noord', phone: '050 111 2222' }],
      disabledStrategies: ['physio_referral'],
    });
    const plan = await openAndRead({ patientRef: REF, lang: 'nl', strategies: ['dietitian_referral', 'physio_referral'], goal: null });
    expect(plan.steps.map((s) => s.strategyId)).toEqual(['dietitian_referral']);
    expect(plan.contacts).toEqual([{ name: 'Diëtistenpraktijk Noord', phone: '050 111 2222' }]);
  });

  it('stamps the footer with the active pack: built-in, or the one the practice imported', async () => {
    const builtIn = loadBuiltInPack('en');
    expect((await openAndRead({ patientRef: REF, lang: 'en', strategies: [] })).pack).toEqual({
      id: builtIn.id,
      version: builtIn.version,
      checksum: (await packChecksum(builtIn)).slice(0, 8),
    });
    const practice = { ...structuredClone(builtIn), version: '2.1.0' };
    practice.strategies[0]!.patientStep = 'I will write down one small step.';
    await importPack(deps.local, practice, NOW);
    const plan = await openAndRead({ patientRef: REF, lang: 'en', strategies: [practice.strategies[0]!.id] });
    expect(plan.pack).toMatchObject({ id: 'sms-core', version: '2.1.0', checksum: (await packChecksum(practice)).slice(0, 8) });
    expect(plan.steps[0]!.text).toBe('I will write down one small step.');
  });

  it('gives the plan once: the job is deleted as it is read', async () => {
    await send({ type: 'action-plan/open', patientRef: REF, lang: 'en', strategies: [] });
    const id = plans.opened[0]!;
    expect((await send({ type: 'action-plan/get', id }, page)).ok).toBe(true);
    const again = await send({ type: 'action-plan/get', id }, page);
    expect(again.ok).toBe(false);
    expect(!again.ok && again.error).toMatch(/no longer available/);
    expect(await plans.jobs.get(null)).toEqual({});
  });

  it('expires an unread plan after 10 minutes', async () => {
    await send({ type: 'action-plan/open', patientRef: REF, lang: 'en', strategies: [] });
    expect(plans.scheduled).toEqual([NOW + JOB_TTL_MS]);
    clock.now = NOW + JOB_TTL_MS;
    expect((await send({ type: 'action-plan/get', id: plans.opened[0]! }, page)).ok).toBe(false);
  });

  it('refuses action-plan/get from the content script (only the extension\'s pages may read a plan)', async () => {
    await send({ type: 'action-plan/open', patientRef: REF, lang: 'en', strategies: [] });
    const reply = await send({ type: 'action-plan/get', id: plans.opened[0]! }, content);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/only allowed from the extension's own pages/);
    expect(Object.keys(await plans.jobs.get(null))).toHaveLength(1); // still there for the page
  });

  it.each([
    { type: 'action-plan/open', patientRef: REF, lang: 'de', strategies: [] },
    { type: 'action-plan/open', patientRef: '', lang: 'en', strategies: [] },
    { type: 'action-plan/open', patientRef: REF, lang: 'en', strategies: ['Not An Id'] },
    { type: 'action-plan/open', patientRef: REF, lang: 'en', strategies: [], goal: { text: 'x', confidence: 11 } },
    { type: 'action-plan/get', id: '../../etc' },
    { type: 'action-plan/get', id: 'ABCDEF' },
  ])('refuses the malformed request %j', async (req) => {
    const reply = await handleRequest(req, deps, page);
    expect(reply.ok).toBe(false);
    expect(plans.opened).toEqual([]);
  });

  it('keeps no patient identifier with the job: neither the name, nor the number, nor the pseudonymous key', async () => {
    await send({ type: 'record/save', patientRef: REF, record: recordInput() });
    await send({ type: 'action-plan/open', patientRef: REF, lang: 'en', strategies: ['physical_activity'] });
    const jobs = JSON.stringify(await plans.jobs.get(null));
    const key = (await deps.pseudonymise(REF)) as string;
    for (const secret of ['Jantje', 'Vries', '943 476 5919', '9434765919', key]) expect(jobs).not.toContain(secret);
    // Nor did opening a plan write anything else: the database and local storage hold what record/save wrote.
    const before = await dumpEverything(deps.db, deps.local);
    await send({ type: 'action-plan/open', patientRef: REF, lang: 'en', strategies: [] });
    expect(await dumpEverything(deps.db, deps.local)).toBe(before);
  });

  it('answers ok:false where action plans are not wired (no actionPlan deps)', async () => {
    delete deps.actionPlan;
    const reply = await handleRequest({ type: 'action-plan/open', patientRef: REF, lang: 'en', strategies: [] }, deps);
    expect(reply.ok).toBe(false);
  });
});

describe('purgeExpiredJobs', () => {
  it('deletes expired and unreadable jobs and asks to be woken at the next expiry', async () => {
    await send({ type: 'action-plan/open', patientRef: REF, lang: 'en', strategies: [] });
    clock.now = NOW + 60_000;
    await send({ type: 'action-plan/open', patientRef: REF, lang: 'en', strategies: [] });
    await plans.jobs.set({ [`${JOB_KEY_PREFIX}junk`]: { nope: 1 }, unrelated: 1 });
    plans.scheduled.length = 0;
    expect(await purgeExpiredJobs(plans, NOW + JOB_TTL_MS)).toBe(2); // the first job and the junk
    expect(Object.keys(await plans.jobs.get(null)).sort()).toEqual([`${JOB_KEY_PREFIX}${plans.opened[1]}`, 'unrelated']);
    expect(plans.scheduled).toEqual([NOW + 60_000 + JOB_TTL_MS]);
  });
});

describe('createActionPlanDeps', () => {
  it('opens action-plan.html with the id in the fragment and sets an alarm for the expiry', async () => {
    const create = vi.fn(async () => ({}));
    const alarms = { create: vi.fn() };
    const browser = {
      runtime: { getURL: (p: string) => `chrome-extension://ext${p}` },
      tabs: { create },
      alarms,
      storage: {},
    };
    const real = createActionPlanDeps(browser as never);
    await real.openPage('0'.repeat(32));
    expect(create).toHaveBeenCalledWith({ url: `chrome-extension://ext/action-plan.html#${'0'.repeat(32)}` });
    real.scheduleExpiry(NOW);
    expect(alarms.create).toHaveBeenCalledWith(ACTION_PLAN_ALARM, { when: NOW });
    // No storage.session (older browsers): an in-memory area instead.
    await real.jobs.set({ a: 1 });
    expect(await real.jobs.get('a')).toEqual({ a: 1 });
    expect(await memoryJobsArea().get(null)).toEqual({});
  });

  it('makes 128-bit hex ids', () => {
    const ids = new Set(Array.from({ length: 100 }, randomHexId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('settings key', () => {
  it('is not touched by opening a plan', async () => {
    await send({ type: 'action-plan/open', patientRef: REF, lang: 'en', strategies: [] });
    expect((await deps.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toBeUndefined();
  });
});
