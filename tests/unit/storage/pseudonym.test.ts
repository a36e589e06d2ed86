import { describe, expect, it } from 'vitest';
import {
  createPseudonymiser,
  loadOrCreateSalt,
  normalisePatientRef,
  patientKeyFor,
  SALT_KEY,
} from '../../../lib/storage/pseudonym';
import { memoryArea } from './helpers';

const saltA = new Uint8Array(32).fill(1);
const saltB = new Uint8Array(32).fill(2);

describe('normalisePatientRef', () => {
  it('trims, collapses whitespace and lower-cases', () => {
    expect(normalisePatientRef('  Jan \t de  VRIES\n 123 ')).toBe('jan de vries 123');
  });
});

describe('patientKeyFor', () => {
  it('is 64 lower-case hex characters', async () => {
    expect(await patientKeyFor(saltA, 'NHS 943 476 5919')).toMatch(/^[0-9a-f]{64}$/);
  });
  it('gives the same key for the same (normalised) input', async () => {
    expect(await patientKeyFor(saltA, 'Jan de Vries')).toBe(await patientKeyFor(saltA, '  jan  DE vries '));
  });
  it('gives different keys for different salts', async () => {
    expect(await patientKeyFor(saltA, 'Jan de Vries')).not.toBe(await patientKeyFor(saltB, 'Jan de Vries'));
  });
  it('gives different keys for different patients', async () => {
    expect(await patientKeyFor(saltA, 'patient 1')).not.toBe(await patientKeyFor(saltA, 'patient 2'));
  });
  it('is the HMAC-SHA-256 of the normalised reference (known answer)', async () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    const jefe = new TextEncoder().encode('Jefe');
    expect(await patientKeyFor(jefe, 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
  it('refuses an empty reference', async () => {
    await expect(patientKeyFor(saltA, '   ')).rejects.toThrow(/empty/);
  });
});

describe('install salt', () => {
  it('is created once (32 bytes, hex in storage.local installSalt) and reused', async () => {
    const area = memoryArea();
    const first = await loadOrCreateSalt(area);
    expect(first).toHaveLength(32);
    expect(area.data[SALT_KEY]).toMatch(/^[0-9a-f]{64}$/);
    expect(await loadOrCreateSalt(area)).toEqual(first);
  });
  it('differs between installs', async () => {
    expect(await loadOrCreateSalt(memoryArea())).not.toEqual(await loadOrCreateSalt(memoryArea()));
  });
  it('is not created twice by concurrent first calls', async () => {
    const area = memoryArea();
    const pseudonymise = createPseudonymiser(area);
    const [a, b] = await Promise.all([pseudonymise('x'), pseudonymise('x')]);
    expect(a).toBe(b);
    expect(await createPseudonymiser(area)('x')).toBe(a);
  });
  it('two installs give the same patient different keys', async () => {
    expect(await createPseudonymiser(memoryArea())('Jan')).not.toBe(await createPseudonymiser(memoryArea())('Jan'));
  });
});
