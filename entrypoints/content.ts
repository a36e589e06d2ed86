import '@webcomponents/custom-elements';
import { LitElement, html, css } from 'lit';

class ProbeEl extends LitElement {
  static styles = css`p { color: rgb(1, 2, 3); }`;
  static properties = { n: { type: Number } };
  n = 0;
  render() { return html`<p>lit ok ${this.n}</p><button @click=${() => this.n++}>inc</button>`; }
}
export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  main() {
    customElements.define('probe-el', ProbeEl);
    const host = document.createElement('sms-host');
    const root = host.attachShadow({ mode: 'open' });
    root.append(document.createElement('probe-el'));
    document.documentElement.append(host);
    const el = document.createElement('div'); el.id = 'probe';
    setTimeout(() => { const p = root.querySelector('probe-el') as any; el.textContent = String(p?.shadowRoot?.innerHTML?.includes('lit ok')) + ' ' + getComputedStyle(p.shadowRoot.querySelector('p')).color; document.body.append(el); }, 300);
  },
});
