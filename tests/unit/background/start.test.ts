import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HandlerDeps } from '../../../lib/background/handler';
import { isTrustedSender, RETENTION_ALARM, RETENTION_PERIOD_MINUTES, startBackground } from '../../../lib/background/start';
import { RequestError, sendRequest } from '../../../lib/messaging';
import { savePatient } from '../../../lib/storage/patient-store';
import { DAY, NOW, recordInput } from '../storage/helpers';
import { freshDeps } from './helpers';

// lib/messaging.ts loads the polyfill on first send: give it the in-memory browser.
vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

let deps: HandlerDeps;
let clock: { now: number };

beforeEach(() => {
  ({ deps, clock } = freshDeps());
});

describe('isTrustedSender', () => {
  const runtime = { id: 'ext', getURL: (p: string) => `chrome-extension://ext/${p.replace(/^\//, '')}` };
  it.each([
    [{ id: 'ext', url: 'chrome-extension://ext/options.html' }, true],
    [{ id: 'ext', url: 'https://ehr.example.org/patient/1', tab: { id: 1 } }, false], // content script
    [{ id: 'other', url: 'chrome-extension://ext/options.html' }, false],
    [{ id: 'ext', url: 'chrome-extension://extevil/options.html' }, false],
    [{ id: 'ext' }, false],
    [{}, false],
  ])('%j -> %s', (sender, expected) => {
    expect(isTrustedSender(sender as never, runtime)).toBe(expected);
  });
});

describe('startBackground', () => {
  it('answers sendRequest from a content script through runtime messaging', async () => {
    await startBackground(fakeBrowser, deps);
    const saved = await sendRequest({ type: 'record/save', patientRef: 'Jan 1', record: recordInput() });
    expect(saved.record?.updatedAt).toBe(NOW);
    const loaded = await sendRequest({ type: 'record/load', patientRef: 'jan 1' });
    expect(loaded.record).toEqual(saved.record);
    const view = await sendRequest({ type: 'settings/get' });
    expect(view.lockedKeys).toEqual([]);
  });

  it('refuses privileged requests from a content script, with a RequestError', async () => {
    await startBackground(fakeBrowser, deps);
    await expect(sendRequest({ type: 'data/export' })).rejects.toThrow(RequestError);
    await expect(sendRequest({ type: 'data/erase' })).rejects.toThrow(/only allowed from the extension/);
  });

  it('answers privileged requests from extension pages', async () => {
    await startBackground(fakeBrowser, deps);
    const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
    const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type: 'data/erase' }, sender);
    expect(reply).toEqual({ ok: true, data: { erased: true } });
  });

  it('purges expired data at start-up', async () => {
    await saveOldRecord(deps);
    clock.now = NOW + 400 * DAY;
    await startBackground(fakeBrowser, deps);
    expect(await deps.db.consultations.count()).toBe(0);
  });

  it('schedules a daily retention alarm once, and purges when it fires', async () => {
    await startBackground(fakeBrowser, deps);
    const alarm = await fakeBrowser.alarms.get(RETENTION_ALARM);
    expect(alarm?.periodInMinutes).toBe(RETENTION_PERIOD_MINUTES);
    const scheduled = alarm!.scheduledTime;
    // A service-worker restart must not push the next run back.
    vi.useFakeTimers({ now: Date.now() + 60_000, toFake: ['Date'] });
    await startBackground(fakeBrowser, deps);
    vi.useRealTimers();
    expect((await fakeBrowser.alarms.get(RETENTION_ALARM))?.scheduledTime).toBe(scheduled);

    await saveOldRecord(deps);
    clock.now = NOW + 400 * DAY;
    await fakeBrowser.alarms.onAlarm.trigger({ name: RETENTION_ALARM, scheduledTime: clock.now, periodInMinutes: RETENTION_PERIOD_MINUTES });
    await vi.waitFor(async () => expect(await deps.db.consultations.count()).toBe(0));
  });
});

describe('sendRequest', () => {
  it('rejects an invalid request before sending it', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await expect(sendRequest({ type: 'record/load', patientRef: '' })).rejects.toThrow(/invalid request/);
    expect(send).not.toHaveBeenCalled();
  });

  it('rejects a malformed reply', async () => {
    fakeBrowser.runtime.onMessage.addListener(async () => ({ ok: true, data: { record: 'nope' } }));
    await expect(sendRequest({ type: 'record/load', patientRef: 'x' })).rejects.toThrow(/malformed reply/);
  });

  it('turns a transport failure (no background) into a RequestError', async () => {
    await expect(sendRequest({ type: 'settings/get' })).rejects.toThrow(RequestError);
  });
});

/** Saves one record, dated NOW, straight into the database. */
async function saveOldRecord(d: HandlerDeps) {
  await savePatient(d.db, await d.pseudonymise('old patient'), recordInput(), { now: NOW, role: 'gp' }, () => {});
}
