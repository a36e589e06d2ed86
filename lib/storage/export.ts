import type { z } from 'zod';
import type { CorruptEntry } from '../messages';
import type { SmsDb } from './db';
import {
  ConsultationRecordSchema,
  GoalHistoryEntrySchema,
  MetaRowSchema,
  MetricRowSchema,
  type ConsultationRecord,
  type GoalHistoryEntry,
  type MetricRow,
} from './records';
import { invalidRows, parseRows, type Warn } from './rows';

export interface DbDump {
  dbVersion: number;
  consultations: ConsultationRecord[];
  goals: GoalHistoryEntry[];
  metrics: MetricRow[];
  corrupt: CorruptEntry[];
}

const keyOf = (row: unknown, field: string): string =>
  String(typeof row === 'object' && row !== null ? ((row as Record<string, unknown>)[field] ?? '?') : '?');

/** Valid rows parsed; each invalid one is appended to `corrupt` as stored. */
function sortRows<S extends z.ZodType>(schema: S, rows: unknown[], table: string, keyField: string, corrupt: CorruptEntry[], warn: Warn) {
  for (const value of invalidRows(schema, rows)) corrupt.push({ source: table, key: keyOf(value, keyField), value });
  return parseRows(schema, rows, table, warn);
}

/** Everything in the database: valid rows parsed, unreadable rows and the copies kept in `meta` as stored. */
export async function dumpDb(db: SmsDb, warn: Warn): Promise<DbDump> {
  return db.transaction('r', [db.consultations, db.goals, db.metrics, db.meta], async () => {
    const corrupt: CorruptEntry[] = [];
    const consultations = sortRows(ConsultationRecordSchema, await db.consultations.toArray(), 'consultations', 'patientKey', corrupt, warn);
    const goals = sortRows(GoalHistoryEntrySchema, await db.goals.toArray(), 'goals', 'id', corrupt, warn);
    const metrics = sortRows(MetricRowSchema, await db.metrics.toArray(), 'metrics', 'id', corrupt, warn);
    for (const row of parseRows(MetaRowSchema, await db.meta.toArray(), 'meta', warn)) {
      if (row.key.startsWith('corrupt.')) corrupt.push({ source: 'meta', key: row.key, value: row.value });
    }
    return { dbVersion: db.verno, consultations, goals, metrics, corrupt };
  });
}

/** Deletes every consultation, goal, metric and kept copy. */
export async function eraseDb(db: SmsDb): Promise<void> {
  await db.transaction('rw', [db.consultations, db.goals, db.metrics, db.meta], async () => {
    await Promise.all([db.consultations.clear(), db.goals.clear(), db.metrics.clear(), db.meta.clear()]);
  });
}
