import type { Transaction } from 'dexie';
import { GoalSchema } from './records';

/**
 * The database schema, one entry per version, oldest first. NEVER edit a shipped entry:
 * to change the schema, APPEND { version: n + 1, stores: {only the tables that change}, upgrade }
 * and add a seed for version n + 1 to tests/unit/storage/migrations.test.ts (it fails without one).
 */
export interface SchemaVersion {
  version: number;
  /** Dexie store specs of the tables added or changed in this version (null deletes a table). */
  stores: Record<string, string | null>;
  /** Moves data written by the previous version into this version's shape. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    // 0.1: latest state per patient (the goal inside it) and usage counts.
    version: 1,
    stores: {
      consultations: 'patientKey, updatedAt',
      metrics: '++id, week',
    },
  },
  {
    // 0.2: goal history with outcome review; key/value meta (corrupt copies kept for export).
    version: 2,
    stores: {
      goals: '++id, patientKey, agreedAt',
      meta: 'key, savedAt',
    },
    upgrade: async (tx) => {
      // Every goal saved inside a v1 consultation becomes the first entry of that patient's history.
      const goals = tx.table('goals');
      await tx.table('consultations').each(async (row: Record<string, unknown>) => {
        const goal = GoalSchema.safeParse(row['goal']);
        if (!row['goal'] || !goal.success || typeof row['patientKey'] !== 'string') return;
        const agreedAt = typeof row['updatedAt'] === 'number' ? row['updatedAt'] : Date.now();
        await goals.add({ ...goal.data, patientKey: row['patientKey'], agreedAt, outcome: null, reviewedAt: null });
      });
    },
  },
];

export const LATEST_DB_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
