// @vitest-environment happy-dom
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defineOptionsElements, type SmsOptionsApp } from '../../../components/options-app';
import { loadBuiltInPack } from '../../../lib/content/packs';
import { loadSettings } from '../../../lib/settings/store';
import { deepQuery, deepText, fakeBackground, fakeOptionsApi, until } from './helpers';

beforeAll(() => defineOptionsElements());

let background: ReturnType<typeof fakeBackground>;
let api: ReturnType<typeof fakeOptionsApi>;

async function mount(uiLanguage = 'en-GB'): Promise<SmsOptionsApp> {
  api = fakeOptionsApi(background, uiLanguage);
  document.body.innerHTML = '';
  const app = document.createElement('sms-options-app') as SmsOptionsApp;
  app.api = api;
  document.body.append(app);
  await until(() => deepQuery(app, '#sites-title'));
  return app;
}

function change(el: HTMLInputElement | HTMLSelectElement, value?: string): void {
  if (value !== undefined) el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

beforeEach(() => {
  background = fakeBackground();
});

describe('options page', () => {
  it('renders in the browser language by default and re-renders in the chosen language', async () => {
    const app = await mount('nl-NL');
    expect(deepText(app)).toContain('EPD-websites');
    change(deepQuery<HTMLSelectElement>(app, '#language')!, 'fr');
    await until(() => deepText(app).includes('Sites du dossier patient'));
    expect(document.documentElement.lang).toBe('fr');
    expect((await loadSettings(background.deps)).settings.language).toBe('fr');
    change(deepQuery<HTMLSelectElement>(app, '#language')!, 'en');
    await until(() => deepText(app).includes('EHR sites'));
  });

  it('enables a typed site: permission asked synchronously from the submit, then sites/add', async () => {
    const app = await mount();
    const input = deepQuery<HTMLInputElement>(app, '#site-input')!;
    input.value = 'https://ehr.example.org/patient/1';
    const form = input.closest('form')!;
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    // Called during the event itself: a browser refuses permissions.request outside the user gesture.
    expect(api.requestPermission).toHaveBeenCalledWith(['https://ehr.example.org/*']);
    await until(() => deepQuery(app, 'li[data-site="https://ehr.example.org/*"]'));
    expect(deepText(app)).toMatch(/Active/);
    expect((await loadSettings(background.deps)).settings.enabledSites).toEqual(['https://ehr.example.org/*']);
    expect(background.sitesBrowser.scripts.has('sms-site:https://ehr.example.org/*')).toBe(true);

    const remove = deepQuery<HTMLButtonElement>(app, 'li[data-site] button[aria-label="Remove https://ehr.example.org"]')!;
    remove.click();
    await until(() => !deepQuery(app, 'li[data-site]'));
    expect(api.removePermission).toHaveBeenCalledWith(['https://ehr.example.org/*']);
    expect(background.sitesBrowser.scripts.size).toBe(0);
  });

  it('explains a bad address without asking for any permission', async () => {
    const app = await mount();
    const input = deepQuery<HTMLInputElement>(app, '#site-input')!;
    input.value = 'ftp://ehr.example.org';
    input.closest('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await until(() => deepQuery(app, '#site-error'));
    expect(deepQuery(app, '#site-error')!.textContent).toMatch(/https:\/\//);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(api.requestPermission).not.toHaveBeenCalled();
  });

  it('a denied permission enables nothing', async () => {
    const app = await mount();
    api.requestPermission = async () => false;
    const input = deepQuery<HTMLInputElement>(app, '#site-input')!;
    input.value = 'ehr.example.org';
    input.closest('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await until(() => deepText(app).includes('did not allow'));
    expect((await loadSettings(background.deps)).settings.enabledSites).toEqual([]);
  });

  it('switches conditions and strategies, and adds a local service', async () => {
    const app = await mount();
    change(Object.assign(deepQuery<HTMLInputElement>(app, 'input[name="condition"][value="copd"]')!, { checked: false }));
    const strategy = loadBuiltInPack('en').strategies[0]!.id;
    // The strategies come with the pack, which loads just after the settings.
    const box = await until(() => deepQuery<HTMLInputElement>(app, `input[name="strategy"][value="${strategy}"]`));
    change(Object.assign(box, { checked: false }));
    (deepQuery<HTMLInputElement>(app, '#dir-role')!).value = 'dietitian';
    (deepQuery<HTMLInputElement>(app, '#dir-name')!).value = 'Diëtistenpraktijk Noord';
    (deepQuery<HTMLInputElement>(app, '#dir-phone')!).value = '010 123 4567';
    deepQuery<HTMLFormElement>(app, '#dir-name')!.closest('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await until(() => deepQuery(app, 'tr[data-entry]'));
    await until(() => background.requests.filter((r) => r.type === 'settings/save').length === 3);
    const { settings } = await loadSettings(background.deps);
    expect(settings.promptConditions).not.toContain('copd');
    expect(settings.disabledStrategies).toEqual([strategy]);
    expect(settings.directory).toMatchObject([{ role: 'dietitian', name: 'Diëtistenpraktijk Noord', phone: '010 123 4567' }]);
  });

  it('shows settings locked by policy as disabled, with the practice note', async () => {
    background.deps.managed = { get: async () => ({ language: 'nl', retentionDays: 90 }) };
    const app = await mount();
    expect(deepQuery<HTMLSelectElement>(app, '#language')!.disabled).toBe(true);
    expect(deepQuery<HTMLSelectElement>(app, '#retention')!.disabled).toBe(true);
    expect(deepQuery(app, '#language-locked')!.textContent).toMatch(/Ingesteld door uw praktijk/);
    expect(deepQuery<HTMLSelectElement>(app, '#retention')!.getAttribute('aria-describedby')).toContain('retention-locked');
  });

  it('erases only after confirmation, and exports all data as a file', async () => {
    await background.send({ type: 'metrics/record', event: 'prompt_shown', conditions: ['t2dm'] });
    const app = await mount();
    await until(() => deepQuery(app, 'td[data-count="metrics"]')?.textContent === '1');
    deepQuery<HTMLButtonElement>(app, '#export-all')!.click();
    await until(() => api.downloads.length === 1);
    expect(api.downloads[0]!.fileName).toBe('sms-prompts-data-2026-02-16.json');
    expect(JSON.parse(api.downloads[0]!.text)).toMatchObject({ format: 'sms-prompts-export', metrics: [{ event: 'prompt_shown' }] });

    deepQuery<HTMLButtonElement>(app, '#erase')!.click();
    await until(() => deepQuery(app, '[role="alertdialog"]'));
    expect(background.requests.some((r) => r.type === 'data/erase')).toBe(false);
    deepQuery<HTMLButtonElement>(app, '#erase-confirm')!.click();
    await until(() => deepQuery(app, 'td[data-count="metrics"]')?.textContent === '0');
    expect(background.requests.some((r) => r.type === 'data/erase')).toBe(true);
  });
});
