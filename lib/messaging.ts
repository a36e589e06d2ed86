import { RequestSchema, replySchemaFor } from './messages';
import { createRequestClient, runtimeTransport, type RequestChecks } from './request-client';

export { RequestError, type Transport } from './request-client';

/** Extension pages' checks: the request against RequestSchema, the reply against its zod schema. */
export const schemaChecks: RequestChecks = {
  request: (req) => {
    const valid = RequestSchema.safeParse(req);
    if (!valid.success) throw new Error(valid.error.issues[0]?.message ?? 'does not match the schema');
    return valid.data;
  },
  reply: (type, raw) => {
    const reply = replySchemaFor(type).safeParse(raw);
    return reply.success ? reply.data : { ok: false, error: 'malformed reply from the background' };
  },
};

/** For extension pages: `await sendRequest({ type: 'settings/get' })` -> `{ settings, warning?, lockedKeys }`. */
export const sendRequest = createRequestClient(runtimeTransport, schemaChecks);
