import { html, nothing } from 'lit';
import type { MessageKey } from '../lib/i18n';
import type { SiteStatus } from '../lib/messages';
import { displaySite, parseSiteInput, type SiteError } from '../lib/sites/patterns';
import { feedbackLine, lockedNote, errorText, OptionsSection } from './options-styles';

const SITE_ERRORS: Record<SiteError, MessageKey> = {
  empty: 'sitesErrorEmpty',
  scheme: 'sitesErrorScheme',
  host: 'sitesErrorHost',
  wildcard: 'sitesErrorWildcard',
};

/**
 * EHR sites: each is enabled with its own optional host permission, asked for from the clinician's click
 * (browser.permissions.request must run in the click, before anything is awaited), then registered by the
 * background (sites/add). Removing gives the permission back and unregisters the content script.
 */
export class SmsOptionsSites extends OptionsSection {
  static properties = {
    ...OptionsSection.properties,
    sites: { state: true },
    inputError: { state: true },
  };

  sites: SiteStatus[] = [];
  inputError = '';

  protected override clearMessages(): void {
    super.clearMessages();
    this.inputError = '';
  }

  override async refresh(): Promise<void> {
    try {
      this.sites = (await this.ctx.api.send({ type: 'sites/status' })).sites;
    } catch (error) {
      this.feedback = { kind: 'error', text: errorText(error) };
    }
  }

  /** The click handler: permission first (synchronously, in the user gesture), then the background. */
  private enable(pattern: string): void {
    const { t, api } = this.ctx;
    const site = displaySite(pattern);
    const asked = api.requestPermission([pattern]);
    void asked
      .then(async (granted) => {
        if (!granted) {
          this.feedback = { kind: 'error', text: t('sitesPermissionDenied', site) };
          return;
        }
        this.sites = (await api.send({ type: 'sites/add', pattern })).sites;
        this.feedback = { kind: 'ok', text: t('sitesEnabled', site) };
        const input = this.renderRoot.querySelector<HTMLInputElement>('#site-input');
        if (input) input.value = '';
        await this.ctx.reload();
      })
      .catch((error: unknown) => {
        this.feedback = { kind: 'error', text: `${t('sitesEnableFailed', site)} ${errorText(error)}` };
      });
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#site-input');
    const parsed = parseSiteInput(input?.value ?? '');
    if (!parsed.ok) {
      this.inputError = this.ctx.t(SITE_ERRORS[parsed.error]);
      input?.focus();
      return;
    }
    this.inputError = '';
    this.enable(parsed.pattern);
  }

  private async removeSite(site: SiteStatus): Promise<void> {
    const { t, api } = this.ctx;
    try {
      // Sites the manifest grants (localhost, for tests) cannot give their permission back: that is fine.
      if (!site.builtIn) await api.removePermission([site.pattern]).catch(() => false);
      this.sites = (await api.send({ type: 'sites/remove', pattern: site.pattern })).sites;
      this.feedback = { kind: 'ok', text: t('sitesRemoved', displaySite(site.pattern)) };
      await this.ctx.reload();
    } catch (error) {
      this.feedback = { kind: 'error', text: errorText(error) };
    }
  }

  private renderSite(site: SiteStatus, locked: boolean) {
    const { t } = this.ctx;
    const name = displaySite(site.pattern);
    const state = site.builtIn ? 'sitesStatusBuiltIn' : site.active ? 'sitesStatusActive' : 'sitesStatusMissing';
    return html`<li class="row" data-site=${site.pattern}>
      <strong>${name}</strong>
      <span class="status ${site.active ? 'active' : 'missing'}">${t(state)}</span>
      ${site.granted
        ? nothing
        : html`<button type="button" ?disabled=${locked} aria-label=${t('sitesGrantAgainFor', name)} @click=${() => this.enable(site.pattern)}>
            ${t('sitesGrantAgain')}
          </button>`}
      <button type="button" ?disabled=${locked} aria-label=${t('sitesRemoveFor', name)} @click=${() => void this.removeSite(site)}>
        ${t('sitesRemove')}
      </button>
    </li>`;
  }

  override render() {
    const { t } = this.ctx;
    const locked = this.ctx.isLocked('enabledSites');
    return html`<section aria-labelledby="sites-title">
      <h2 id="sites-title">${t('sitesTitle')}</h2>
      <p>${t('sitesIntro')}</p>
      <form @submit=${(e: Event) => this.onSubmit(e)} novalidate>
        <div class="field">
          <label for="site-input">${t('sitesAddressLabel')}</label>
          <div class="row">
            <input
              id="site-input"
              name="site"
              type="text"
              inputmode="url"
              autocomplete="off"
              spellcheck="false"
              size="40"
              placeholder="https://ehr.example.org"
              ?disabled=${locked}
              aria-invalid=${this.inputError ? 'true' : 'false'}
              aria-describedby="site-hint${this.inputError ? ' site-error' : ''}${locked ? ' sites-locked' : ''}"
            />
            <button type="submit" class="primary" ?disabled=${locked}>${t('sitesEnable')}</button>
          </div>
          <span id="site-hint" class="muted">${t('sitesAddressHint')}</span>
          ${this.inputError ? html`<span id="site-error" class="error">${this.inputError}</span>` : nothing}
          ${lockedNote(t, locked, 'sites-locked')}
        </div>
      </form>
      <h3>${t('sitesEnabledList')}</h3>
      ${this.sites.length
        ? html`<ul class="plain">${this.sites.map((s) => this.renderSite(s, locked))}</ul>`
        : html`<p class="muted">${t('sitesNone')}</p>`}
      ${feedbackLine(this.feedback)}
    </section>`;
  }
}
