import { html, nothing } from 'lit';
import { LANGUAGES, type Language } from '../lib/conditions';
import { parsePack } from '../lib/content/packs';
import type { MessageKey } from '../lib/i18n';
import type { ActivePack } from '../lib/messages';
import { exportFileNames, readFileText } from '../lib/transfer/files';
import { parseSettingsFile, settingsToFile } from '../lib/transfer/settings';
import { displaySite } from '../lib/sites/patterns';
import { feedbackLine, errorText, OptionsSection } from './options-styles';

const LANGUAGE_NAMES: Record<Language, MessageKey> = { en: 'optionsLanguageEn', nl: 'optionsLanguageNl', fr: 'optionsLanguageFr' };

/**
 * Import and export as JSON files: the settings, and content packs (one active pack per language). A file is
 * only read when the clinician picks it, and only saved when they click; a bad file changes nothing.
 */
export class SmsOptionsTransfer extends OptionsSection {
  static properties = {
    ...OptionsSection.properties,
    packs: { state: true },
  };

  packs: Partial<Record<Language, ActivePack>> = {};
  override async refresh(): Promise<void> {
    try {
      const all = await Promise.all(LANGUAGES.map((lang) => this.ctx.api.send({ type: 'pack/get', lang })));
      this.packs = Object.fromEntries(all.map((p) => [p.pack.language, p]));
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown, prefix = ''): void {
    this.feedback = { kind: 'error', text: `${prefix}${errorText(error)}` };
  }

  private exportSettings(): void {
    const { api, view, t } = this.ctx;
    const file = settingsToFile(view.settings, api.now());
    api.download(exportFileNames.settings(api.now()), `${JSON.stringify(file, null, 2)}\n`, 'application/json');
    this.feedback = { kind: 'ok', text: t('transferSettingsExported') };
  }

  private async importSettings(input: HTMLInputElement): Promise<void> {
    const { t } = this.ctx;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const parsed = parseSettingsFile(await readFileText(file), this.ctx.view.lockedKeys);
      if (!parsed.ok) {
        this.feedback = { kind: 'error', text: t('transferSettingsInvalid', parsed.error) };
        return;
      }
      if (Object.keys(parsed.patch).length && !(await this.ctx.save(parsed.patch))) return;
      const notes = [t('transferSettingsImported')];
      if (parsed.locked.length) notes.push(t('transferSettingsLockedSkipped', parsed.locked.join(', ')));
      const missing = parsed.sites.filter((s) => !this.ctx.view.settings.enabledSites.includes(s));
      if (missing.length) notes.push(t('transferSettingsSites', missing.map(displaySite).join(', ')));
      this.feedback = { kind: 'ok', text: notes.join(' ') };
    } catch (error) {
      this.fail(error, `${t('transferSettingsInvalid', '')} `);
    }
  }

  private async importPack(input: HTMLInputElement): Promise<void> {
    const { t, api } = this.ctx;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const text = await readFileText(file);
      // Checked here for an immediate, precise message; the background checks again before storing.
      const parsed = parsePack(text);
      if (!parsed.ok) {
        this.feedback = { kind: 'error', text: t('transferPackInvalid', file.name, parsed.error) };
        return;
      }
      const done = await api.send({ type: 'pack/import', pack: parsed.pack });
      this.feedback = { kind: 'ok', text: t('transferPackImported', done.id, done.version, t(LANGUAGE_NAMES[done.language])) };
      await this.refresh();
      await this.ctx.reload();
    } catch (error) {
      this.fail(error, `${t('transferPackInvalid', file.name, '')} `);
    }
  }

  private exportPack(active: ActivePack): void {
    const { pack, checksum } = active;
    this.ctx.api.download(
      exportFileNames.pack(pack.id, pack.language, pack.version),
      `${JSON.stringify({ ...pack, checksum }, null, 2)}\n`,
      'application/json',
    );
    this.feedback = { kind: 'ok', text: this.ctx.t('transferPackExported', pack.title) };
  }

  private async resetPack(lang: Language): Promise<void> {
    try {
      await this.ctx.api.send({ type: 'pack/reset', lang });
      this.feedback = { kind: 'ok', text: this.ctx.t('transferPackReset', this.ctx.t(LANGUAGE_NAMES[lang])) };
      await this.refresh();
      await this.ctx.reload();
    } catch (error) {
      this.fail(error);
    }
  }

  override render() {
    const { t } = this.ctx;
    return html`<section aria-labelledby="transfer-title">
      <h2 id="transfer-title">${t('transferTitle')}</h2>
      <p>${t('transferIntro')}</p>
      <h3>${t('transferSettings')}</h3>
      <div class="row">
        <button type="button" id="export-settings" @click=${() => this.exportSettings()}>${t('transferSettingsExport')}</button>
        <label for="settings-file">${t('transferSettingsImport')}</label>
        <input id="settings-file" type="file" accept=".json,application/json" @change=${(e: Event) => void this.importSettings(e.target as HTMLInputElement)} />
      </div>
      <h3 id="packs-title">${t('transferPacks')}</h3>
      <table aria-labelledby="packs-title" id="packs">
        <thead>
          <tr>
            <th scope="col">${t('transferPackLanguage')}</th>
            <th scope="col">${t('transferPackName')}</th>
            <th scope="col">${t('transferPackVersion')}</th>
            <th scope="col">${t('transferPackSource')}</th>
            <th scope="col">${t('transferPackChecksum')}</th>
            <th scope="col"><span class="visually-hidden">${t('optionsDirectoryActions')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${LANGUAGES.map((lang) => {
            const p = this.packs[lang];
            if (!p) return nothing;
            return html`<tr data-pack=${lang} data-source=${p.source}>
              <td>${t(LANGUAGE_NAMES[lang])}</td>
              <td>${p.pack.title} <code>${p.pack.id}</code></td>
              <td>${p.version}</td>
              <td>${t(p.source === 'imported' ? 'transferPackImportedSource' : 'transferPackBuiltIn')}</td>
              <td><code title=${p.checksum}>${p.checksum.slice(0, 12)}…</code></td>
              <td class="row">
                <button type="button" aria-label=${t('transferPackExportFor', p.pack.title, t(LANGUAGE_NAMES[lang]))} @click=${() => this.exportPack(p)}>
                  ${t('transferPackExport')}
                </button>
                ${p.source === 'imported'
                  ? html`<button type="button" aria-label=${t('transferPackResetFor', t(LANGUAGE_NAMES[lang]))} @click=${() => void this.resetPack(lang)}>
                      ${t('transferPackUseBuiltIn')}
                    </button>`
                  : nothing}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      <div class="field">
        <label for="pack-file">${t('transferPackImport')}</label>
        <input id="pack-file" type="file" accept=".json,application/json" aria-describedby="pack-hint" @change=${(e: Event) => void this.importPack(e.target as HTMLInputElement)} />
        <span id="pack-hint" class="muted">${t('transferPackHint')}</span>
      </div>
      ${feedbackLine(this.feedback)}
    </section>`;
  }
}
