import type { RequestInput, RequestType, ResponseData } from './messages';

/** A request the background refused or could not answer, or a reply that did not match its schema. */
export class RequestError extends Error {
  constructor(readonly requestType: string, message: string) {
    super(`${requestType}: ${message}`);
    this.name = 'RequestError';
  }
}

/** Sends one message and resolves with the raw reply (browser.runtime.sendMessage). */
export type Transport = (message: unknown) => Promise<unknown>;

/** How a client checks what it sends and receives. Throw (request) or return an error string (reply). */
export interface RequestChecks {
  request(req: RequestInput): RequestInput;
  reply(type: RequestType, raw: unknown): { ok: true; data: unknown } | { ok: false; error: string };
}

/** Loaded on first use, so that importing a client (e.g. in unit tests) does not need a browser. */
export const runtimeTransport: Transport = async (message) => {
  const { default: browser } = await import('webextension-polyfill');
  return browser.runtime.sendMessage(message);
};

/**
 * A typed client for the background. Resolves with the reply's `data`; rejects with RequestError on
 * `{ ok: false }`, a reply that fails the checks, or a transport failure (e.g. the extension was reloaded).
 */
export function createRequestClient(transport: Transport, checks: RequestChecks) {
  return async function send<R extends RequestInput>(req: R): Promise<ResponseData<R['type']>> {
    const type: R['type'] = req.type;
    let message: RequestInput;
    try {
      message = checks.request(req);
    } catch (error) {
      throw new RequestError(type, `invalid request: ${error instanceof Error ? error.message : String(error)}`);
    }
    let raw: unknown;
    try {
      raw = await transport(message);
    } catch (error) {
      throw new RequestError(type, error instanceof Error ? error.message : String(error));
    }
    const reply = checks.reply(type, raw);
    if (!reply.ok) throw new RequestError(type, reply.error);
    return reply.data as ResponseData<R['type']>;
  };
}

/**
 * The content script's checks: the reply's envelope only. It runs beside untrusted pages on a small size
 * budget, so it carries no schema library; its one source of data, the background, parses every request
 * with RequestSchema and every reply with ResponseDataSchemas before sending it (lib/background/handler.ts).
 */
export const envelopeChecks: RequestChecks = {
  request: (req) => req,
  reply: (_type, raw) => {
    if (typeof raw !== 'object' || raw === null || !('ok' in raw)) return { ok: false, error: 'malformed reply from the background' };
    if (raw.ok === true && 'data' in raw) return { ok: true, data: raw.data };
    const error = 'error' in raw && typeof raw.error === 'string' ? raw.error : 'malformed reply from the background';
    return { ok: false, error };
  },
};
