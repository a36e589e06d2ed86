import { html, nothing } from 'lit';
import type { ConditionId } from '../lib/conditions';
import type { MessageKey } from '../lib/i18n';
import { metricsToCsv } from '../lib/storage/metrics';
import { METRIC_EVENTS, type MetricCondition, type MetricCount, type MetricEvent } from '../lib/storage/records';
import { exportFileNames } from '../lib/transfer/files';
import type { ChartPoint } from './metrics-chart';
import { feedbackLine, errorText, OptionsSection } from './options-styles';

export const EVENT_LABELS: Record<MetricEvent, MessageKey> = {
  prompt_shown: 'metricsPromptShown',
  sidebar_opened: 'metricsSidebarOpened',
  barrier_ticked: 'metricsBarrierTicked',
  strategy_chosen: 'metricsStrategyChosen',
  dismissed: 'metricsDismissed',
  goal_agreed: 'metricsGoalAgreed',
  summary_copied: 'metricsSummaryCopied',
};

export type EventTotals = Record<MetricEvent, number>;

const zero = (): EventTotals => Object.fromEntries(METRIC_EVENTS.map((e) => [e, 0])) as EventTotals;

/** Totals per key (week or condition) and event, over roles; keys sorted. */
export function totalsBy<K extends string>(rows: readonly MetricCount[], key: (r: MetricCount) => K): [K, EventTotals][] {
  const out = new Map<K, EventTotals>();
  for (const r of rows) {
    const k = key(r);
    const totals = out.get(k) ?? zero();
    totals[r.event] += r.count;
    out.set(k, totals);
  }
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Chart points for one event per week (weeks with no such event show 0). */
export function weeklySeries(rows: readonly MetricCount[], event: MetricEvent): ChartPoint[] {
  return totalsBy(rows, (r) => r.week).map(([week, totals]) => ({ label: week, value: totals[event] }));
}

/**
 * Pilot metrics, counted in this browser only: per week and per condition, a chart, and CSV for the practice's
 * own evaluation. Nothing is sent anywhere; the CSV is a file the clinician saves.
 */
export class SmsOptionsMetrics extends OptionsSection {
  static properties = {
    ...OptionsSection.properties,
    rows: { state: true },
    event: { state: true },
  };

  rows: MetricCount[] = [];
  event: MetricEvent = 'prompt_shown';
  override async refresh(): Promise<void> {
    try {
      this.rows = (await this.ctx.api.send({ type: 'metrics/summary' })).rows;
    } catch (error) {
      this.feedback = { kind: 'error', text: errorText(error) };
    }
  }

  private exportCsv(): void {
    const { api, t } = this.ctx;
    api.download(exportFileNames.metrics(api.now()), metricsToCsv(this.rows), 'text/csv');
    this.feedback = { kind: 'ok', text: t('metricsCsvExported') };
  }

  private conditionName(c: MetricCondition): string {
    if (c === 'none') return this.ctx.t('metricsNoCondition');
    return this.ctx.pack?.pack.conditionNames[c as ConditionId] ?? c;
  }

  private table(id: string, caption: string, header: string, entries: [string, EventTotals][]) {
    const { t } = this.ctx;
    return html`<div style="overflow-x:auto">
      <table id=${id}>
        <caption style="text-align:left;font-weight:600">${caption}</caption>
        <thead>
          <tr>
            <th scope="col">${header}</th>
            ${METRIC_EVENTS.map((e) => html`<th scope="col" class="num">${t(EVENT_LABELS[e])}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${entries.map(
            ([name, totals]) => html`<tr>
              <th scope="row">${name}</th>
              ${METRIC_EVENTS.map((e) => html`<td class="num">${totals[e]}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    const { t } = this.ctx;
    const weeks = totalsBy(this.rows, (r) => r.week);
    const conditions = totalsBy(this.rows, (r) => r.condition).map(([c, totals]) => [this.conditionName(c), totals] as [string, EventTotals]);
    return html`<section aria-labelledby="metrics-title">
      <h2 id="metrics-title">${t('metricsTitle')}</h2>
      <p>${t('metricsIntro')}</p>
      ${this.rows.length === 0
        ? html`<p class="muted" id="metrics-empty">${t('metricsEmpty')}</p>`
        : html`
            <div class="field">
              <label for="metrics-event">${t('metricsChartEvent')}</label>
              <select id="metrics-event" @change=${(e: Event) => (this.event = (e.target as HTMLSelectElement).value as MetricEvent)}>
                ${METRIC_EVENTS.map((e) => html`<option value=${e} ?selected=${e === this.event}>${t(EVENT_LABELS[e])}</option>`)}
              </select>
            </div>
            <sms-metrics-chart .points=${weeklySeries(this.rows, this.event)} label=${t('metricsChartLabel', t(EVENT_LABELS[this.event]))}></sms-metrics-chart>
            ${this.table('metrics-weeks', t('metricsPerWeek'), t('metricsWeek'), weeks)}
            ${this.table('metrics-conditions', t('metricsPerCondition'), t('metricsCondition'), conditions)}
            <p class="muted">${t('metricsCountingNote')}</p>
          `}
      <div class="row">
        <button type="button" id="metrics-csv" ?disabled=${this.rows.length === 0} @click=${() => this.exportCsv()}>${t('metricsExportCsv')}</button>
        <button type="button" id="metrics-refresh" @click=${() => void this.refresh()}>${t('metricsRefresh')}</button>
      </div>
      ${feedbackLine(this.feedback)} ${nothing}
    </section>`;
  }
}
