import type { PatientKey } from './records';
import type { KeyValueArea } from './kv';

/** browser.storage.local key of the per-install salt (hex). Never sent to a page, never exported. */
export const SALT_KEY = 'installSalt';
export const SALT_BYTES = 32;

/** The same patient written slightly differently on the page maps to the same key. */
export function normalisePatientRef(ref: string): string {
  return ref.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

async function hmacKey(salt: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', salt as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

async function sign(key: CryptoKey, ref: string): Promise<PatientKey> {
  const normalised = normalisePatientRef(ref);
  if (!normalised) throw new Error('empty patient reference');
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(normalised));
  return toHex(new Uint8Array(mac));
}

/** HMAC-SHA-256(salt, normalise(ref)) as 64 lower-case hex characters. */
export async function patientKeyFor(salt: Uint8Array, ref: string): Promise<PatientKey> {
  return sign(await hmacKey(salt), ref);
}

/** Reads the install salt, creating it (32 random bytes) the first time. */
export async function loadOrCreateSalt(
  area: KeyValueArea,
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): Promise<Uint8Array> {
  const stored = (await area.get(SALT_KEY))[SALT_KEY];
  if (typeof stored === 'string' && /^[0-9a-f]{64}$/.test(stored)) return fromHex(stored);
  // Missing (first run) or unreadable: a new salt. Records saved under an unreadable one cannot be linked again.
  const salt = random(SALT_BYTES);
  await area.set({ [SALT_KEY]: toHex(salt) });
  return salt;
}

/**
 * A function from raw patient reference to pseudonymous key. The salt is read (or created) once and the
 * HMAC key cached, so concurrent first calls cannot create two salts.
 */
export function createPseudonymiser(area: KeyValueArea): (ref: string) => Promise<PatientKey> {
  let key: Promise<CryptoKey> | undefined;
  const getKey = (): Promise<CryptoKey> =>
    (key ??= loadOrCreateSalt(area).then(hmacKey).catch((error: unknown) => {
      key = undefined; // storage failed: try again on the next call
      throw error;
    }));
  return async (ref) => sign(await getKey(), ref);
}
