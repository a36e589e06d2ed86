import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDb, type SmsDb } from '../../../lib/storage/db';
import type { KeyValueArea } from '../../../lib/storage/kv';
import type { RecordInput } from '../../../lib/storage/patient-store';

/** A fresh, isolated fake IndexedDB for each call. */
export function freshFactory(): { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function freshDb(upToVersion?: number): SmsDb {
  return openDb({ ...freshFactory(), ...(upToVersion ? { upToVersion } : {}) });
}

/** An in-memory browser.storage area (JSON round-trip like the real one). */
export function memoryArea(initial: Record<string, unknown> = {}): KeyValueArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = JSON.parse(JSON.stringify(initial));
  return {
    data,
    async get(keys) {
      if (keys == null) return JSON.parse(JSON.stringify(data));
      const out: Record<string, unknown> = {};
      for (const k of Array.isArray(keys) ? keys : [keys]) if (k in data) out[k] = JSON.parse(JSON.stringify(data[k]));
      return out;
    },
    async set(items) {
      Object.assign(data, JSON.parse(JSON.stringify(items)));
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) delete data[k];
    },
  };
}

export const KEY_A = 'a'.repeat(64);
export const KEY_B = 'b'.repeat(64);

export const DAY = 86_400_000;
/** Wednesday 2026-03-04 12:00 UTC (ISO week 2026-W10). */
export const NOW = Date.UTC(2026, 2, 4, 12);

export function recordInput(overrides: Partial<RecordInput> = {}): RecordInput {
  return {
    conditions: ['t2dm'],
    barriers: ['low-confidence'],
    strategies: ['action-plan'],
    goal: { text: 'Walk after lunch', when: '3 times a week', confidence: 8, followUp: '2026-04-01' },
    step: 'agree',
    ...overrides,
  };
}

/** Every row of every table plus every storage value, as one string: to search for leaked identifiers. */
export async function dumpEverything(db: SmsDb, ...areas: KeyValueArea[]): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  const stores = await Promise.all(areas.map((a) => a.get(null)));
  return JSON.stringify({ tables, stores, name: db.name });
}
