import { LitElement, css, html, nothing } from 'lit';
import type { ConditionId } from '../lib/conditions';
import type { DetectedCondition } from '../lib/detection/result';
import { whyLines } from '../lib/evidence-view';
import { resolveLanguage, translator, type Translate } from '../lib/i18n';
import type { ActivePack, RequestInput, ResponseData, SettingsView, SiteStatus } from '../lib/messages';
import { PageStatusSchema, type PageRequest, type PageStatus } from '../lib/page-messages';
import { displaySite, patternForUrl, patternMatchesUrl } from '../lib/sites/patterns';
import { pageStyles, errorText } from './options-styles';

export interface PopupTab {
  id?: number;
  /** Only visible with the site's host permission (or activeTab, given by opening the popup). */
  url?: string;
}

/** What the popup needs from the browser, injected so it runs in unit tests. */
export interface PopupApi {
  send<R extends RequestInput>(req: R): Promise<ResponseData<R['type']>>;
  /** The tab the popup is about: the active tab of the window (or ?tab=<id>, for tests). */
  targetTab(): Promise<PopupTab | undefined>;
  /** browser.tabs.sendMessage to the tab's content script; rejects when there is none. */
  sendToTab(tabId: number, message: PageRequest): Promise<unknown>;
  requestPermission(origins: string[]): Promise<boolean>;
  reloadTab(tabId: number): Promise<void>;
  openOptions(): Promise<void>;
  uiLanguage: string;
}

type SiteState = 'running' | 'unsupported' | 'enabled-not-running' | 'not-enabled';

/** The toolbar popup: is this site enabled, what was found on the page and why, open the sidebar, options. */
export class SmsPopupApp extends LitElement {
  static properties = {
    api: { attribute: false },
    view: { state: true },
    pack: { state: true },
    tab: { state: true },
    status: { state: true },
    sites: { state: true },
    message: { state: true },
    loaded: { state: true },
  };

  api!: PopupApi;
  view: SettingsView | null = null;
  pack: ActivePack | null = null;
  tab: PopupTab | undefined = undefined;
  status: PageStatus | null = null;
  sites: SiteStatus[] = [];
  message: { kind: 'ok' | 'error'; text: string } | null = null;
  loaded = false;

  static styles = [
    ...pageStyles,
    css`
      :host { display: block; width: 340px; padding: 12px 14px; background: #fff; }
      h1 { font-size: 15px; margin: 0 0 8px; display: flex; align-items: center; gap: 6px; }
      h2 { font-size: 13px; margin: 8px 0 2px; }
      p { margin: 6px 0; }
      ul.found { list-style: none; padding: 0; margin: 6px 0; display: grid; gap: 4px; }
      details { border: 1px solid var(--sms-border); border-radius: 6px; padding: 3px 8px; }
      summary { cursor: pointer; }
      .badge { font-size: 11px; padding: 0 6px; border-radius: 8px; background: #fff3e0; color: var(--sms-warn); border: 1px solid #f0c58a; }
      .why { margin: 4px 0; padding-left: 16px; font-size: 12px; }
      footer { margin-top: 10px; padding-top: 8px; border-top: 1px solid var(--sms-border); }
      a { color: #0b4f8a; }
      .site { font-weight: 600; word-break: break-all; }
    `,
  ];

  get t(): Translate {
    return translator(resolveLanguage(this.view?.settings.language ?? 'auto', this.api.uiLanguage));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    try {
      this.view = await this.api.send({ type: 'settings/get' });
      const lang = resolveLanguage(this.view.settings.language, this.api.uiLanguage);
      [this.pack, this.tab, this.sites] = await Promise.all([
        this.api.send({ type: 'pack/get', lang }),
        this.api.targetTab(),
        this.api.send({ type: 'sites/status' }).then((v) => v.sites),
      ]);
      document.documentElement.lang = lang;
      this.status = await this.askPage();
    } catch (error) {
      this.message = { kind: 'error', text: errorText(error) };
    } finally {
      this.loaded = true;
    }
  }

  /** page/status from the tab's content script; null when none answers (not enabled, not loaded, browser page). */
  private async askPage(): Promise<PageStatus | null> {
    if (this.tab?.id === undefined) return null;
    try {
      const parsed = PageStatusSchema.safeParse(await this.api.sendToTab(this.tab.id, { type: 'page/status' }));
      return parsed.success ? parsed.data : null;
    } catch {
      return null; // "Could not establish connection. Receiving end does not exist."
    }
  }

  get pattern(): string | null {
    return patternForUrl(this.tab?.url);
  }

  get siteState(): SiteState {
    if (this.status) return 'running';
    const url = this.tab?.url;
    if (!this.pattern) return url === undefined && this.tab?.id !== undefined ? 'not-enabled' : 'unsupported';
    const enabled = this.sites.some((s) => s.granted && patternMatchesUrl(s.pattern, url));
    return enabled ? 'enabled-not-running' : 'not-enabled';
  }

  /** From the click: ask for the site's permission (synchronously, in the gesture), then enable it. */
  private enableSite(): void {
    const pattern = this.pattern;
    if (!pattern) return;
    const asked = this.api.requestPermission([pattern]);
    void asked
      .then(async (granted) => {
        if (!granted) {
          this.message = { kind: 'error', text: this.t('sitesPermissionDenied', displaySite(pattern)) };
          return;
        }
        this.sites = (await this.api.send({ type: 'sites/add', pattern })).sites;
        this.message = { kind: 'ok', text: this.t('popupEnabledReload', displaySite(pattern)) };
      })
      .catch((error: unknown) => {
        this.message = { kind: 'error', text: `${this.t('sitesEnableFailed', displaySite(pattern))} ${String(error)}` };
      });
  }

  private async openSidebar(): Promise<void> {
    if (this.tab?.id === undefined) return;
    try {
      const reply = PageStatusSchema.safeParse(await this.api.sendToTab(this.tab.id, { type: 'page/open-sidebar' }));
      if (reply.success) this.status = reply.data;
      this.message = { kind: 'ok', text: this.t('popupSidebarOpened') };
    } catch {
      this.message = { kind: 'error', text: this.t('popupNotRunning') };
    }
  }

  private async reload(): Promise<void> {
    if (this.tab?.id === undefined) return;
    await this.api.reloadTab(this.tab.id);
    window.close();
  }

  private conditionName(id: ConditionId): string {
    return this.pack?.pack.conditionNames[id] ?? id;
  }

  private renderCondition(c: DetectedCondition) {
    const t = this.t;
    return html`<li data-condition=${c.id} data-status=${c.status}>
      <details>
        <summary>
          <strong>${this.conditionName(c.id)}</strong>
          ${c.status === 'possible' ? html`<span class="badge">${t('possible')}</span>` : nothing}
          <span class="muted">– ${t('popupWhy')}</span>
        </summary>
        <ul class="why">
          ${whyLines(this.t, c.evidence, 3).map((line) => html`<li><q>${line.snippet}</q> <span class="muted">(${line.seenIn})</span></li>`)}
        </ul>
      </details>
    </li>`;
  }

  private renderRunning(status: PageStatus) {
    const t = this.t;
    const conditions = status.detection?.conditions ?? [];
    return html`<p id="page-state">${t('popupRunning')}</p>
      ${conditions.length
        ? html`<h2 id="found-title">${t('popupDetected', conditions.length)}</h2>
            <ul class="found" aria-labelledby="found-title">${conditions.map((c) => this.renderCondition(c))}</ul>`
        : html`<p>${t('popupNothingFound')}</p>`}
      ${status.detection && status.detection.adapter !== 'generic' ? html`<p class="muted">${t('popupAdapter', status.detection.adapter)}</p>` : nothing}
      <div class="row">
        <button type="button" id="open-sidebar" class="primary" @click=${() => void this.openSidebar()}>
          ${status.sidebar === 'open' ? t('popupSidebarIsOpen') : t('popupOpenSidebar')}
        </button>
      </div>`;
  }

  private renderBody() {
    const t = this.t;
    const site = this.pattern ? displaySite(this.pattern) : '';
    switch (this.siteState) {
      case 'running':
        return this.renderRunning(this.status!);
      case 'unsupported':
        return html`<p id="page-state">${t('popupUnsupported')}</p>`;
      case 'enabled-not-running':
        return html`<p id="page-state">${t('popupEnabledNotRunning')} <span class="site">${site}</span></p>
          <button type="button" id="reload" @click=${() => void this.reload()}>${t('popupReload')}</button>`;
      case 'not-enabled':
        return html`<p id="page-state">${site ? html`${t('popupNotEnabled')} <span class="site">${site}</span>` : t('popupNotEnabledUnknown')}</p>
          ${this.pattern && !this.view?.lockedKeys.includes('enabledSites')
            ? html`<div class="row">
                <button type="button" id="enable-site" class="primary" @click=${() => this.enableSite()}>${t('popupEnableSite')}</button>
                ${this.message?.kind === 'ok' ? html`<button type="button" id="reload" @click=${() => void this.reload()}>${t('popupReload')}</button>` : nothing}
              </div>`
            : nothing}`;
    }
  }

  override render() {
    if (!this.loaded) return html`<p role="status">…</p>`;
    const t = this.t;
    return html`<main>
      <h1>${t('extName')}</h1>
      ${this.renderBody()}
      <p role=${this.message?.kind === 'error' ? 'alert' : 'status'} class=${this.message?.kind ?? ''}>${this.message?.text ?? ''}</p>
      <footer>
        <a href="#" id="open-options" @click=${(e: Event) => { e.preventDefault(); void this.api.openOptions(); }}>${t('popupOptions')}</a>
      </footer>
    </main>`;
  }
}

export function definePopupElements(): void {
  if (!customElements.get('sms-popup-app')) customElements.define('sms-popup-app', SmsPopupApp);
}
