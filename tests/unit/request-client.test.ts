import { describe, expect, it } from 'vitest';
import { createRequestClient, envelopeChecks, RequestError } from '../../lib/request-client';
import { schemaChecks } from '../../lib/messaging';

const client = (reply: unknown) => createRequestClient(async () => reply, envelopeChecks);

describe('the content script\'s request client (envelope checks only)', () => {
  it('resolves with the data of an ok reply', async () => {
    await expect(client({ ok: true, data: { recorded: 1 } })({ type: 'metrics/record', event: 'dismissed', conditions: [] })).resolves.toEqual({ recorded: 1 });
  });

  it('rejects with the background\'s error', async () => {
    const send = client({ ok: false, error: 'locked by policy' });
    await expect(send({ type: 'settings/set-role', role: 'nurse' })).rejects.toThrow(/settings\/set-role: locked by policy/);
  });

  it.each([undefined, null, 'ok', { ok: true }, { data: 1 }])('rejects a malformed reply: %j', async (raw) => {
    await expect(client(raw)({ type: 'settings/get' })).rejects.toBeInstanceOf(RequestError);
  });

  it('rejects when the extension is gone (transport failure)', async () => {
    const send = createRequestClient(async () => {
      throw new Error('Extension context invalidated.');
    }, envelopeChecks);
    await expect(send({ type: 'settings/get' })).rejects.toThrow(/Extension context invalidated/);
  });
});

describe('extension pages\' request client (zod checks)', () => {
  it('refuses to send an invalid request', async () => {
    const send = createRequestClient(async () => ({ ok: true, data: {} }), schemaChecks);
    await expect(send({ type: 'record/load', patientRef: '' })).rejects.toThrow(/invalid request/);
  });

  it('refuses a reply that does not match its schema', async () => {
    const send = createRequestClient(async () => ({ ok: true, data: { recorded: -1 } }), schemaChecks);
    await expect(send({ type: 'metrics/record', event: 'dismissed', conditions: [] })).rejects.toThrow(/malformed reply/);
  });
});
