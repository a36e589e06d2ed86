/**
 * Migration harness: for EVERY schema version, create a database at that version, fill it with data as that
 * version wrote it, upgrade to the latest schema and check that every record survives (plus what each
 * upgrade is meant to do). When you append a schema version, add its seed below: the harness fails without one.
 */
import type Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, type SmsDb } from '../../../lib/storage/db';
import { loadPatient } from '../../../lib/storage/patient-store';
import { LATEST_DB_VERSION, SCHEMA_VERSIONS } from '../../../lib/storage/schema-versions';
import { freshFactory, KEY_A, KEY_B, NOW } from './helpers';

const KEY_C = 'c'.repeat(64);
const goal = { text: 'Walk after lunch', when: 'daily', confidence: 7, followUp: null };

interface Seed {
  /** Writes data the way this version's code did (plain rows, its tables only). */
  write(db: Dexie): Promise<void>;
  /** What must hold after upgrading to the latest version, beyond "every row is still there". */
  check(db: SmsDb): Promise<void>;
}

const SEEDS: Record<number, Seed> = {
  1: {
    async write(db) {
      await db.table('consultations').bulkPut([
        { patientKey: KEY_A, updatedAt: NOW - 1000, conditions: ['t2dm'], barriers: ['b1'], strategies: ['s1'], goal, step: 'agree' },
        { patientKey: KEY_B, updatedAt: NOW - 2000, conditions: ['copd'], barriers: [], strategies: [], goal: null, step: null },
        // Unreadable (written by a buggy build): must survive, untouched, for export.
        { patientKey: KEY_C, updatedAt: 'yesterday', conditions: 'copd', goal: { text: 42 } },
      ]);
      await db.table('metrics').bulkAdd([
        { week: '2026-W09', event: 'prompt_shown', condition: 't2dm', role: 'gp' },
        { week: '2026-W10', event: 'goal_agreed', condition: 'copd', role: 'nurse' },
      ]);
    },
    async check(db) {
      // v2 moved the goal saved inside a v1 consultation into the goal history.
      const a = await loadPatient(db, KEY_A, () => {});
      expect(a.record?.goal).toEqual(goal);
      expect(a.goals).toHaveLength(1);
      expect(a.goals[0]).toMatchObject({ ...goal, patientKey: KEY_A, agreedAt: NOW - 1000, outcome: null, reviewedAt: null });
      expect((await loadPatient(db, KEY_B, () => {})).goals).toEqual([]);
      expect(await db.goals.where('patientKey').equals(KEY_C).count()).toBe(0);
      expect(await db.goals.count()).toBe(1);
    },
  },
  2: {
    async write(db) {
      await db.table('consultations').put({ patientKey: KEY_A, updatedAt: NOW, conditions: ['t2dm'], barriers: [], strategies: [], goal, step: 'arrange' });
      await db.table('goals').bulkAdd([
        { ...goal, patientKey: KEY_A, agreedAt: NOW - 5000, outcome: 'partly', reviewedAt: NOW },
        { ...goal, text: 'Swim', patientKey: KEY_A, agreedAt: NOW, outcome: null, reviewedAt: null },
      ]);
      await db.table('metrics').add({ week: '2026-W10', event: 'summary_copied', condition: 'none', role: 'gp' });
      await db.table('meta').put({ key: `corrupt.consultations.${KEY_B}.${NOW}`, value: { junk: true }, savedAt: NOW });
    },
    async check(db) {
      expect((await loadPatient(db, KEY_A, () => {})).goals.map((g) => g.text)).toEqual(['Swim', 'Walk after lunch']);
    },
  },
};

type Snapshot = Record<string, unknown[]>;

async function snapshot(db: Dexie): Promise<Snapshot> {
  const entries = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return Object.fromEntries(entries);
}

async function createAt(version: number) {
  const factory = freshFactory();
  const old = openDb({ ...factory, upToVersion: version });
  await old.open();
  expect(old.verno).toBe(version);
  await SEEDS[version]!.write(old);
  const before = await snapshot(old);
  old.close();
  return { factory, before };
}

describe('schema versions', () => {
  it('are numbered 1, 2, 3... in order', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
  });
  it('each has a seed in this harness', () => {
    expect(Object.keys(SEEDS).map(Number).sort()).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
  });
  it('a fresh database opens at the latest version with every table', async () => {
    const db = openDb(freshFactory());
    await db.open();
    expect(db.verno).toBe(LATEST_DB_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['consultations', 'goals', 'meta', 'metrics']);
  });
});

describe.each(SCHEMA_VERSIONS.map((v) => v.version))('upgrading a database created at version %i', (version) => {
  it(`keeps every record and reaches version ${LATEST_DB_VERSION}`, async () => {
    const { factory, before } = await createAt(version);
    const db = openDb(factory);
    await db.open();
    expect(db.verno).toBe(LATEST_DB_VERSION);
    const after = await snapshot(db);
    for (const [table, rows] of Object.entries(before)) {
      expect(after[table], `table ${table}`).toHaveLength(rows.length);
      for (const row of rows) expect(after[table], `a ${table} row`).toContainEqual(expect.objectContaining(row as object));
    }
    await SEEDS[version]!.check(db);
    db.close();
  });

  it('upgrades again without change when reopened (idempotent)', async () => {
    const { factory } = await createAt(version);
    const first = openDb(factory);
    const upgraded = await snapshot(await first.open());
    first.close();
    const again = openDb(factory);
    expect(await snapshot(await again.open())).toEqual(upgraded);
    again.close();
  });
});
