import { css } from 'lit';

/**
 * The sidebar's own look. `all: initial` on every component host cuts inheritance from the EHR page
 * (hostile pages set `* { color: red !important; line-height: 3 !important }` on everything they can reach).
 */
export const baseStyles = css`
  :host {
    all: initial;
    display: block;
    font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
    color: #1d2733;
    --sms-accent: #0b6e6e;
    --sms-accent-soft: #e3f2f1;
    --sms-border: #cfd8dc;
    --sms-muted: #5b6b78;
    --sms-warn: #8a4b00;
  }
  *, *::before, *::after { box-sizing: border-box; }
  h2, h3 { margin: 0; font-size: 13px; font-weight: 600; }
  button {
    font: inherit; color: inherit; cursor: pointer; border-radius: 6px;
    border: 1px solid var(--sms-border); background: #fff; padding: 4px 10px;
  }
  button:hover { background: var(--sms-accent-soft); }
  button.primary { background: var(--sms-accent); color: #fff; border-color: var(--sms-accent); }
  button.primary:hover { background: #095858; }
  :focus-visible { outline: 2px solid #1565c0; outline-offset: 2px; }
  .muted { color: var(--sms-muted); }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
