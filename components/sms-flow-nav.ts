import { LitElement, css, html } from 'lit';
import type { FlowStepId } from '../lib/content/pack-schema';
import type { StepView } from '../lib/sidebar/model';
import { baseStyles } from './styles';

/** The 5As as a stepper: any step can be opened directly, so every step is skippable. Emits `step-change`. */
export class SmsFlowNav extends LitElement {
  static properties = {
    steps: { attribute: false },
    current: { attribute: false },
    label: { attribute: false },
  };

  steps: StepView[] = [];
  current: FlowStepId = 'assess';
  label = '';

  static styles = [
    baseStyles,
    css`
      ol { list-style: none; display: grid; grid-template-columns: repeat(5, 1fr); gap: 2px; margin: 0; padding: 0; counter-reset: step; }
      button { width: 100%; padding: 4px 2px; font-size: 11px; border-radius: 4px; }
      button[aria-current='step'] { background: var(--sms-accent); color: #fff; border-color: var(--sms-accent); font-weight: 600; }
    `,
  ];

  private go(step: FlowStepId) {
    this.dispatchEvent(new CustomEvent('step-change', { detail: step, bubbles: true }));
  }

  render() {
    return html`<nav aria-label=${this.label}>
      <ol>
        ${this.steps.map(
          (s) => html`<li><button class="step" data-step=${s.id} aria-current=${s.id === this.current ? 'step' : 'false'}
            @click=${() => this.go(s.id)}>${s.title}</button></li>`,
        )}
      </ol>
    </nav>`;
  }
}
