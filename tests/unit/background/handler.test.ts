import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { handleRequest, type HandlerDeps } from '../../../lib/background/handler';
import { replySchemaFor, type RequestInput, type RequestType } from '../../../lib/messages';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { SALT_KEY } from '../../../lib/storage/pseudonym';
import { dumpEverything, freshDb, NOW, recordInput } from '../storage/helpers';
import { freshDeps } from './helpers';

const NAME = 'Jantje de Vries-Bakker';
const NHS = '943 476 5919';
const REF = `${NAME} ${NHS}`;

let deps: HandlerDeps;
let clock: { now: number };
const trusted = { trusted: true };

beforeEach(() => {
  ({ deps, clock } = freshDeps());
});

/** Sends a request and checks the reply against its zod schema. */
async function ask<R extends RequestInput>(req: R, context = { trusted: false }) {
  const reply = await handleRequest(req, deps, context);
  expect(replySchemaFor(req.type as RequestType).safeParse(reply).success).toBe(true);
  return reply;
}

async function data<R extends RequestInput>(req: R, context = { trusted: false }) {
  const reply = await ask(req, context);
  if (!reply.ok) throw new Error(`unexpected error: ${reply.error}`);
  return reply.data as never as Record<string, any>;
}

describe('handleRequest: validation', () => {
  it.each([undefined, null, 'record/load', {}, { type: 'nope' }, { type: 'record/load' }, { type: 'record/load', patientRef: '' }])(
    'answers %j with ok:false, never throws',
    async (raw) => {
      const reply = await handleRequest(raw, deps);
      expect(reply.ok).toBe(false);
      expect(!reply.ok && reply.error).toMatch(/invalid request/);
    },
  );

  it('reports a failure inside a handler as ok:false', async () => {
    deps.db.close();
    deps.db = freshDb();
    await deps.db.delete(); // closed database: reads fail
    const reply = await handleRequest({ type: 'record/load', patientRef: REF }, deps);
    expect(reply.ok).toBe(false);
    expect(deps.warn).toHaveBeenCalled();
  });
});

describe('handleRequest: records', () => {
  it('saves and loads the record of the patient on the page', async () => {
    expect(await data({ type: 'record/load', patientRef: REF })).toEqual({ record: null, goals: [] });
    const saved = await data({ type: 'record/save', patientRef: REF, record: recordInput() });
    expect(saved.record).toMatchObject({ updatedAt: NOW, barriers: ['low-confidence'], patientKey: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // Same patient written differently on another screen.
    const loaded = await data({ type: 'record/load', patientRef: `  ${REF.toUpperCase()} ` });
    expect(loaded).toEqual(saved);
    expect(loaded.goals).toHaveLength(1);
  });

  it('writes saves in the order they came, even when the first is slower to start', async () => {
    const pseudonymise = deps.pseudonymise;
    let calls = 0;
    deps.pseudonymise = async (ref) => {
      if (calls++ === 0) await new Promise((r) => setTimeout(r, 30));
      return pseudonymise(ref);
    };
    const first = data({ type: 'record/save', patientRef: REF, record: recordInput({ barriers: ['low-confidence'] }) });
    const second = data({ type: 'record/save', patientRef: REF, record: recordInput({ barriers: ['low-confidence', 'time'] }) });
    await Promise.all([first, second]);
    expect((await data({ type: 'record/load', patientRef: REF })).record.barriers).toEqual(['low-confidence', 'time']);
  });

  it('fills record defaults (step) the sender left out', async () => {
    const { step: _step, ...withoutStep } = recordInput();
    const saved = await data({ type: 'record/save', patientRef: REF, record: withoutStep });
    expect(saved.record.step).toBeNull();
  });

  it('never stores the raw patient name or id anywhere', async () => {
    await data({ type: 'record/save', patientRef: REF, record: recordInput({ conditions: ['t2dm', 'ckd'] }) });
    await data({ type: 'metrics/record', event: 'prompt_shown', conditions: ['t2dm'] });
    await data({ type: 'record/load', patientRef: REF });
    const everything = (await dumpEverything(deps.db, fakeBrowser.storage.local)).toLowerCase();
    expect(everything).toContain('walk after lunch'); // the dump really holds the saved data
    for (const fragment of [NAME, NHS, 'jantje', '9434765919', REF]) expect(everything).not.toContain(fragment.toLowerCase());
  });

  it('reviews a goal of the patient on the page', async () => {
    const saved = await data({ type: 'record/save', patientRef: REF, record: recordInput() });
    clock.now += 1000;
    const { goal } = await data({ type: 'goal/review', patientRef: REF, goalId: saved.goals[0].id, outcome: 'achieved' });
    expect(goal).toMatchObject({ outcome: 'achieved', reviewedAt: NOW + 1000 });
    const other = await ask({ type: 'goal/review', patientRef: 'someone else', goalId: saved.goals[0].id, outcome: 'not' });
    expect(other).toEqual({ ok: false, error: 'no such goal for this patient' });
  });
});

describe('handleRequest: settings', () => {
  it('gets the settings, the warning and the locked keys', async () => {
    await fakeBrowser.storage.managed.set({ retentionDays: 90 });
    await fakeBrowser.storage.local.set({ settings: { role: 'pharmacist' } });
    const view = await data({ type: 'settings/get' });
    expect(view.settings).toEqual({ ...DEFAULT_SETTINGS, retentionDays: 90 });
    expect(view.lockedKeys).toEqual(['retentionDays']);
    expect(view.warning).toMatch(/role/);
  });

  it('sets the sidebar collapsed (allowed from the content script)', async () => {
    expect((await data({ type: 'settings/get' })).settings.sidebarCollapsed).toBe(true); // GP default: a tab
    expect((await data({ type: 'settings/set-collapsed', collapsed: false })).settings.sidebarCollapsed).toBe(false);
    expect((await data({ type: 'settings/get' })).settings.sidebarCollapsed).toBe(false);
    expect((await data({ type: 'settings/set-collapsed', collapsed: true })).settings.sidebarCollapsed).toBe(true);
  });

  it('switches the role from the sidebar header (allowed from the content script), unless policy locks it', async () => {
    expect((await data({ type: 'settings/set-role', role: 'nurse' })).settings.role).toBe('nurse');
    expect((await data({ type: 'settings/get' })).settings.role).toBe('nurse');
    await fakeBrowser.storage.managed.set({ role: 'gp' });
    const locked = await ask({ type: 'settings/set-role', role: 'nurse' });
    expect(locked.ok).toBe(false);
    expect((await data({ type: 'settings/get' })).settings.role).toBe('gp');
  });

  it('saves settings from extension pages only, and never a locked key', async () => {
    const fromPage = await ask({ type: 'settings/save', patch: { role: 'nurse' } });
    expect(fromPage).toEqual({ ok: false, error: expect.stringMatching(/only allowed from the extension/) });
    expect((await data({ type: 'settings/save', patch: { role: 'nurse' } }, trusted)).settings.role).toBe('nurse');
    await fakeBrowser.storage.managed.set({ role: 'gp' });
    const locked = await ask({ type: 'settings/save', patch: { role: 'nurse' } }, trusted);
    expect(locked.ok).toBe(false);
    expect(!locked.ok && locked.error).toMatch(/policy.*role/);
  });
});

describe('handleRequest: metrics', () => {
  it('records one row per condition with the role from the settings, and summarises them', async () => {
    await data({ type: 'settings/save', patch: { role: 'nurse' } }, trusted);
    expect(await data({ type: 'metrics/record', event: 'barrier_ticked', conditions: ['copd', 'asthma'] })).toEqual({ recorded: 2 });
    await data({ type: 'metrics/record', event: 'barrier_ticked', conditions: ['copd'] });
    await data({ type: 'metrics/record', event: 'sidebar_opened', conditions: [] });
    const { rows } = await data({ type: 'metrics/summary' }, trusted);
    expect(rows).toEqual([
      { week: '2026-W10', role: 'nurse', condition: 'asthma', event: 'barrier_ticked', count: 1 },
      { week: '2026-W10', role: 'nurse', condition: 'copd', event: 'barrier_ticked', count: 2 },
      { week: '2026-W10', role: 'nurse', condition: 'none', event: 'sidebar_opened', count: 1 },
    ]);
    expect((await ask({ type: 'metrics/summary' })).ok).toBe(false);
  });

  it("counts 'goal_agreed' once, from the save, not again from metrics/record", async () => {
    await data({ type: 'record/save', patientRef: REF, record: recordInput() });
    expect(await data({ type: 'metrics/record', event: 'goal_agreed', conditions: ['t2dm'] })).toEqual({ recorded: 0 });
    const { rows } = await data({ type: 'metrics/summary' }, trusted);
    expect(rows).toEqual([{ week: '2026-W10', role: 'gp', condition: 't2dm', event: 'goal_agreed', count: 1 }]);
  });
});

describe('handleRequest: export and erase', () => {
  it('exports everything stored (including unreadable data) for extension pages only, without the salt', async () => {
    await data({ type: 'record/save', patientRef: REF, record: recordInput() });
    await fakeBrowser.storage.local.set({ 'settings.corrupt.1': 'old junk' });
    await deps.db.metrics.add({ week: 'last week', event: 'prompt_shown', condition: 'none', role: 'gp' } as never);
    expect((await ask({ type: 'data/export' })).ok).toBe(false);
    const exported = await data({ type: 'data/export' }, trusted);
    expect(exported).toMatchObject({ format: 'sms-prompts-export', formatVersion: 1, exportedAt: NOW, dbVersion: 2 });
    expect(exported.consultations).toHaveLength(1);
    expect(exported.goals).toHaveLength(1);
    expect(exported.metrics).toHaveLength(1);
    expect(exported.corrupt.map((c: { source: string }) => c.source).sort()).toEqual(['metrics', 'settings']);
    const salt = (await fakeBrowser.storage.local.get(SALT_KEY))[SALT_KEY];
    expect(JSON.stringify(exported)).not.toContain(salt);
  });

  it('erases all patient data and metrics, keeping settings and the salt', async () => {
    await data({ type: 'settings/save', patch: { role: 'nurse' } }, trusted);
    const saved = await data({ type: 'record/save', patientRef: REF, record: recordInput() });
    await fakeBrowser.storage.local.set({ 'settings.corrupt.1': 'old junk' });
    expect((await ask({ type: 'data/erase' })).ok).toBe(false);
    expect(await data({ type: 'data/erase' }, trusted)).toEqual({ erased: true });
    const exported = await data({ type: 'data/export' }, trusted);
    expect([exported.consultations, exported.goals, exported.metrics, exported.corrupt]).toEqual([[], [], [], []]);
    expect(exported.settings.role).toBe('nurse');
    // Same install: the same patient still gets the same key.
    const again = await data({ type: 'record/save', patientRef: REF, record: recordInput() });
    expect(again.record.patientKey).toBe(saved.record.patientKey);
  });
});
