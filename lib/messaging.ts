import { RequestSchema, replySchemaFor, type RequestInput, type ResponseData } from './messages';

/** A request the background refused or could not answer, or a reply that did not match its schema. */
export class RequestError extends Error {
  constructor(readonly requestType: string, message: string) {
    super(`${requestType}: ${message}`);
    this.name = 'RequestError';
  }
}

/** Sends one message and resolves with the raw reply (browser.runtime.sendMessage). */
export type Transport = (message: unknown) => Promise<unknown>;

// Loaded on first use, so that importing this module (e.g. in unit tests) does not need a browser.
const runtimeTransport: Transport = async (message) => {
  const { default: browser } = await import('webextension-polyfill');
  return browser.runtime.sendMessage(message);
};

/**
 * A typed client for the background. Validates the request before sending, parses the reply with zod and
 * resolves with its `data`; rejects with RequestError on `{ ok: false }`, a malformed reply or a transport
 * failure (e.g. the extension was reloaded under the page).
 */
export function createRequestClient(transport: Transport) {
  return async function send<R extends RequestInput>(req: R): Promise<ResponseData<R['type']>> {
    const type: R['type'] = req.type;
    const valid = RequestSchema.safeParse(req);
    if (!valid.success) throw new RequestError(type, `invalid request: ${valid.error.issues[0]?.message ?? ''}`);
    let raw: unknown;
    try {
      raw = await transport(valid.data);
    } catch (error) {
      throw new RequestError(type, error instanceof Error ? error.message : String(error));
    }
    const reply = replySchemaFor(type).safeParse(raw);
    if (!reply.success) throw new RequestError(type, 'malformed reply from the background');
    if (!reply.data.ok) throw new RequestError(type, reply.data.error);
    return reply.data.data;
  };
}

/** `await sendRequest({ type: 'record/load', patientRef })` -> `{ record, goals, warning? }`. */
export const sendRequest = createRequestClient(runtimeTransport);
