import type { z } from 'zod';

export type Warn = (message: string) => void;

/**
 * Parses rows read from storage. An invalid row is skipped with a warning, never deleted:
 * it stays where it is and is listed in the export.
 */
export function parseRows<S extends z.ZodType>(schema: S, rows: readonly unknown[], table: string, warn: Warn): z.output<S>[] {
  const valid: z.output<S>[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) valid.push(parsed.data);
    else warn(`skipped an unreadable ${table} row (kept for export): ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return valid;
}

/** The rows of a table that fail validation, as stored. */
export function invalidRows(schema: z.ZodType, rows: readonly unknown[]): unknown[] {
  return rows.filter((row) => !schema.safeParse(row).success);
}
