import type { ConditionId } from '../conditions';
import type { Role } from '../settings/schema';
import type { MetricCount, MetricEvent, MetricRow } from './records';

const DAY_MS = 86_400_000;

/** ISO 8601 week of an instant, in UTC: '2026-W07'. Weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(ms: number): string {
  const d = new Date(ms);
  const mondayBased = (d.getUTCDay() + 6) % 7;
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - mondayBased + 3);
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The rows to store for one event: one per condition, or one with condition 'none'. No patient identifiers. */
export function metricRowsFor(event: MetricEvent, conditions: readonly ConditionId[], role: Role, now: number): Omit<MetricRow, 'id'>[] {
  const week = isoWeek(now);
  const unique = [...new Set(conditions)];
  return (unique.length ? unique : (['none'] as const)).map((condition) => ({ week, event, condition, role }));
}

/** Counts per week, role, condition and event, sorted by those fields. */
export function summariseMetrics(rows: readonly Omit<MetricRow, 'id'>[]): MetricCount[] {
  const counts = new Map<string, MetricCount>();
  for (const { week, role, condition, event } of rows) {
    const key = [week, role, condition, event].join('\u0000');
    const found = counts.get(key);
    if (found) found.count++;
    else counts.set(key, { week, role, condition, event, count: 1 });
  }
  const order = (m: MetricCount) => [m.week, m.role, m.condition, m.event].join('\u0000');
  return [...counts.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

const csvCell = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** CSV (RFC 4180, CRLF) with header week,role,condition,event,count. */
export function metricsToCsv(rows: readonly MetricCount[]): string {
  const lines = [['week', 'role', 'condition', 'event', 'count'], ...rows.map((r) => [r.week, r.role, r.condition, r.event, r.count])];
  return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
