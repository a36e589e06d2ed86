import { LitElement, css, html, svg } from 'lit';
import { baseStyles } from './styles';

export interface ChartPoint {
  label: string;
  value: number;
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 16, right: 12, bottom: 40, left: 40 };

/** "Nice" upper bound for the axis: 1, 2, 5 x 10^n. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((m) => m * power >= max) ?? 10;
  return step * power;
}

/**
 * A bar chart in inline SVG (no chart library, nothing loaded). The SVG is one image for assistive technology
 * with a text alternative; the same numbers are in the table next to it.
 */
export class SmsMetricsChart extends LitElement {
  static properties = {
    points: { attribute: false },
    label: { type: String },
  };

  points: ChartPoint[] = [];
  /** Accessible name: what the chart shows. */
  label = '';

  static styles = [
    baseStyles,
    css`
      svg { width: 100%; max-width: ${WIDTH}px; height: auto; display: block; }
      .bar { fill: var(--sms-accent); }
      .axis { stroke: #8a9aa6; stroke-width: 1; }
      .grid { stroke: #e3e8eb; stroke-width: 1; }
      text { font: 11px system-ui, sans-serif; fill: #33424f; }
    `,
  ];

  override render() {
    const points = this.points;
    const max = niceMax(Math.max(0, ...points.map((p) => p.value)));
    const plotW = WIDTH - PAD.left - PAD.right;
    const plotH = HEIGHT - PAD.top - PAD.bottom;
    const slot = points.length ? plotW / points.length : plotW;
    const barW = Math.max(2, Math.min(48, slot * 0.7));
    const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
    const ticks = [0, max / 2, max];
    const summary = points.map((p) => `${p.label}: ${p.value}`).join(', ');
    return html`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${this.label}. ${summary}">
      ${ticks.map(
        (v) => svg`<line class="grid" x1=${PAD.left} x2=${WIDTH - PAD.right} y1=${y(v)} y2=${y(v)}></line>
          <text x=${PAD.left - 6} y=${y(v) + 4} text-anchor="end">${Number.isInteger(v) ? v : v.toFixed(1)}</text>`,
      )}
      <line class="axis" x1=${PAD.left} x2=${WIDTH - PAD.right} y1=${y(0)} y2=${y(0)}></line>
      ${points.map((p, i) => {
        const x = PAD.left + slot * i + (slot - barW) / 2;
        return svg`<g>
          <rect class="bar" x=${x} y=${y(p.value)} width=${barW} height=${Math.max(0, y(0) - y(p.value))}><title>${p.label}: ${p.value}</title></rect>
          ${p.value ? svg`<text x=${x + barW / 2} y=${y(p.value) - 3} text-anchor="middle">${p.value}</text>` : ''}
          <text x=${x + barW / 2} y=${HEIGHT - PAD.bottom + 14} text-anchor="middle">${p.label.replace(/^\d{4}-/, '')}</text>
        </g>`;
      })}
    </svg>`;
  }
}
