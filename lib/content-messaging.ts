import { createRequestClient, envelopeChecks, runtimeTransport } from './request-client';

/** The content script's client for the background (no schema library in the content script: see envelopeChecks). */
export const sendRequest = createRequestClient(runtimeTransport, envelopeChecks);
