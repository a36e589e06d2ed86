import { LitElement, css, html, nothing } from 'lit';
import { LANGUAGES, type Language } from '../lib/conditions';
import { resolveLanguage, translator, type MessageKey, type Translate } from '../lib/i18n';
import type { ActivePack, RequestInput, ResponseData, SettingsView } from '../lib/messages';
import type { Settings, SettingsKey, SettingsPatch } from '../lib/settings/schema';
import { pageStyles, feedbackLine, lockedNote, type Feedback, errorText } from './options-styles';
import { SmsOptionsSites } from './options-sites';
import { SmsOptionsPrompts } from './options-prompts';
import { SmsOptionsData } from './options-data';
import { SmsOptionsTransfer } from './options-transfer';
import { SmsOptionsMetrics } from './options-metrics';
import { SmsMetricsChart } from './metrics-chart';

/** What the options page needs from the browser, injected so the components run in unit tests. */
export interface OptionsApi {
  send<R extends RequestInput>(req: R): Promise<ResponseData<R['type']>>;
  /** browser.permissions.request: must be called synchronously from the click. */
  requestPermission(origins: string[]): Promise<boolean>;
  removePermission(origins: string[]): Promise<boolean>;
  /** The browser's UI language (browser.i18n.getUILanguage()). */
  uiLanguage: string;
  now(): number;
  /** Saves text as a file the clinician downloads. */
  download(fileName: string, text: string, type: string): void;
}

/** Shared with every section: translation, the settings, and how to save them. */
export interface OptionsContext {
  t: Translate;
  lang: Language;
  api: OptionsApi;
  view: SettingsView;
  /** Pack of the page's language (strategy names, condition names, contact roles). */
  pack: ActivePack | null;
  isLocked(key: SettingsKey): boolean;
  /**
   * Saves a patch; resolves false (and shows the error) when refused. Saves run one after the other, and a
   * function patch is computed from the settings as they are when its turn comes, so quick successive clicks
   * (two checkboxes of one list) never overwrite each other.
   */
  save(patch: SettingsPatch | ((settings: Settings) => SettingsPatch), done?: MessageKey): Promise<boolean>;
  /** Reloads settings and pack (after an import). */
  reload(): Promise<void>;
}

export const RETENTION_CHOICES = [30, 90, 365] as const;

/** The options page: sites, prompts, directory, language and role, data, import/export, pilot metrics. */
export class SmsOptionsApp extends LitElement {
  static properties = {
    api: { attribute: false },
    view: { state: true },
    pack: { state: true },
    feedback: { state: true },
    loadError: { state: true },
  };

  api!: OptionsApi;
  /** The queue of settings saves. */
  private saving: Promise<unknown> = Promise.resolve();
  view: SettingsView | null = null;
  pack: ActivePack | null = null;
  feedback: Feedback | null = null;
  loadError = '';

  static styles = [
    ...pageStyles,
    css`
      :host { display: block; max-width: 960px; margin: 0 auto; padding: 20px 24px 40px; background: #f3f6f8; min-height: 100vh; }
      header { display: flex; align-items: center; gap: 12px; margin-bottom: 16px; }
      h1 { font-size: 22px; margin: 0; }
      nav ul { display: flex; flex-wrap: wrap; gap: 4px 14px; list-style: none; padding: 0; margin: 0 0 16px; }
      nav a { color: #0b4f8a; }
      .warning { background: #fff3e0; border: 1px solid #f0c58a; border-radius: 6px; padding: 8px 12px; }
    `,
  ];

  get lang(): Language {
    return resolveLanguage(this.view?.settings.language ?? 'auto', this.api.uiLanguage);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    try {
      this.view = await this.api.send({ type: 'settings/get' });
      this.pack = await this.api.send({ type: 'pack/get', lang: this.lang });
      this.loadError = '';
    } catch (error) {
      this.loadError = errorText(error);
    }
  }

  private context(): OptionsContext | null {
    const view = this.view;
    if (!view) return null;
    const t = translator(this.lang);
    return {
      t,
      lang: this.lang,
      api: this.api,
      view,
      pack: this.pack,
      isLocked: (key) => view.lockedKeys.includes(key),
      save: (patch, done) => {
        const run = async (): Promise<boolean> => {
          try {
            const before = this.lang;
            const current = this.view?.settings ?? view.settings;
            this.view = await this.api.send({ type: 'settings/save', patch: typeof patch === 'function' ? patch(current) : patch });
            if (this.lang !== before) this.pack = await this.api.send({ type: 'pack/get', lang: this.lang });
            this.feedback = { kind: 'ok', text: translator(this.lang)(done ?? 'optionsSaved') };
            return true;
          } catch (error) {
            this.feedback = { kind: 'error', text: `${t('optionsSaveFailed')} ${errorText(error)}` };
            return false;
          }
        };
        const result = this.saving.then(run);
        this.saving = result;
        return result;
      },
      reload: () => this.load(),
    };
  }

  protected override updated(): void {
    // The document follows the chosen language: screen readers pronounce it right, the tab title is translated.
    const t = translator(this.lang);
    document.documentElement.lang = this.lang;
    document.title = `${t('optionsTitle')} – ${t('extName')}`;
  }

  private renderGeneral(ctx: OptionsContext) {
    const { t, view } = ctx;
    const langLocked = ctx.isLocked('language');
    const roleLocked = ctx.isLocked('role');
    const names: Record<Language, MessageKey> = { en: 'optionsLanguageEn', nl: 'optionsLanguageNl', fr: 'optionsLanguageFr' };
    return html`<section id="general" aria-labelledby="general-title">
      <h2 id="general-title">${t('optionsGeneralTitle')}</h2>
      <div class="row">
        <div class="field">
          <label for="language">${t('optionsLanguage')}</label>
          <select
            id="language"
            name="language"
            ?disabled=${langLocked}
            aria-describedby=${langLocked ? 'language-locked' : nothing}
            @change=${(e: Event) => void ctx.save({ language: (e.target as HTMLSelectElement).value as Language | 'auto' })}
          >
            <option value="auto" ?selected=${view.settings.language === 'auto'}>${t('optionsLanguageAuto')}</option>
            ${LANGUAGES.map((l) => html`<option value=${l} ?selected=${view.settings.language === l}>${t(names[l])}</option>`)}
          </select>
          ${lockedNote(t, langLocked, 'language-locked')}
        </div>
      </div>
      <fieldset ?disabled=${roleLocked} aria-describedby=${roleLocked ? 'role-locked' : nothing}>
        <legend>${t('optionsRole')}</legend>
        <div class="row">
          ${(['gp', 'nurse'] as const).map(
            (role) => html`<label>
              <input
                type="radio"
                name="role"
                value=${role}
                .checked=${view.settings.role === role}
                @change=${() => void ctx.save({ role })}
              />
              ${t(role === 'gp' ? 'optionsRoleGp' : 'optionsRoleNurse')}
            </label>`,
          )}
        </div>
        ${lockedNote(t, roleLocked, 'role-locked')}
      </fieldset>
    </section>`;
  }

  override render() {
    if (this.loadError) return html`<p role="alert" class="error">${this.loadError}</p>`;
    const ctx = this.context();
    if (!ctx) return html`<p role="status">…</p>`;
    const { t } = ctx;
    const sections: [string, MessageKey][] = [
      ['general', 'optionsGeneralTitle'],
      ['sites', 'sitesTitle'],
      ['prompts', 'optionsPromptsTitle'],
      ['data', 'optionsDataTitle'],
      ['transfer', 'transferTitle'],
      ['metrics', 'metricsTitle'],
    ];
    return html`
      <header>
        <h1>${t('extName')} – ${t('optionsTitle')}</h1>
      </header>
      <nav aria-label=${t('optionsSectionsNav')}>
        <ul>
          ${sections.map(([id, key]) => html`<li><a href="#${id}" @click=${(e: Event) => this.jump(e, id)}>${t(key)}</a></li>`)}
        </ul>
      </nav>
      <main>
        ${ctx.view.warning ? html`<p class="warning" role="alert">${ctx.view.warning}</p>` : nothing}
        ${ctx.pack?.warning ? html`<p class="warning" role="alert">${ctx.pack.warning}</p>` : nothing}
        <div aria-live="polite">${feedbackLine(this.feedback)}</div>
        ${this.renderGeneral(ctx)}
        <sms-options-sites id="sites" .ctx=${ctx}></sms-options-sites>
        <sms-options-prompts id="prompts" .ctx=${ctx}></sms-options-prompts>
        <sms-options-data id="data" .ctx=${ctx}></sms-options-data>
        <sms-options-transfer id="transfer" .ctx=${ctx}></sms-options-transfer>
        <sms-options-metrics id="metrics" .ctx=${ctx}></sms-options-metrics>
      </main>
    `;
  }

  /** In-page links into shadow DOM: move focus to the section's heading (and scroll to it). */
  private jump(e: Event, id: string): void {
    e.preventDefault();
    const root = this.renderRoot as ShadowRoot;
    const host = root.getElementById(id);
    const heading = (host?.shadowRoot ?? root).querySelector<HTMLElement>(`#${id}-title`);
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
    heading.scrollIntoView({ block: 'start' });
  }
}

export function defineOptionsElements(): void {
  const elements: [string, CustomElementConstructor][] = [
    ['sms-options-app', SmsOptionsApp],
    ['sms-options-sites', SmsOptionsSites],
    ['sms-options-prompts', SmsOptionsPrompts],
    ['sms-options-data', SmsOptionsData],
    ['sms-options-transfer', SmsOptionsTransfer],
    ['sms-options-metrics', SmsOptionsMetrics],
    ['sms-metrics-chart', SmsMetricsChart],
  ];
  for (const [name, ctor] of elements) if (!customElements.get(name)) customElements.define(name, ctor);
}
