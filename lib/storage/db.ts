import Dexie, { type EntityTable } from 'dexie';
import type { ConsultationRecord, GoalHistoryEntry, MetaRow, MetricRow } from './records';
import { LATEST_DB_VERSION, SCHEMA_VERSIONS } from './schema-versions';

export const DB_NAME = 'sms-prompts';

/**
 * The extension's IndexedDB database. Lives in the background service worker (extension origin) only:
 * never open it from a content script, whose storage belongs to the host page's origin.
 * Row types are what we write; what we read is parsed again with zod (lib/storage/rows.ts).
 */
export type SmsDb = Dexie & {
  consultations: EntityTable<ConsultationRecord, 'patientKey'>;
  goals: EntityTable<GoalHistoryEntry, 'id'>;
  metrics: EntityTable<MetricRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

export interface OpenDbOptions {
  name?: string;
  /** For tests: a fake-indexeddb IDBFactory / IDBKeyRange. Default: the global ones. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** For migration tests: declare only the versions up to this one. */
  upToVersion?: number;
}

/** Declares every schema version (with its upgrade) on a Dexie instance, up to `upToVersion`. */
export function declareSchema(db: Dexie, upToVersion = LATEST_DB_VERSION): void {
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upToVersion) break;
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
}

export function openDb(options: OpenDbOptions = {}): SmsDb {
  const db = new Dexie(options.name ?? DB_NAME, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  }) as SmsDb;
  declareSchema(db, options.upToVersion);
  return db;
}
