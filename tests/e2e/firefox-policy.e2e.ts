/**
 * Practice policy in a real Firefox: the managed storage manifest of docs/deployment.md, exactly as written
 * there, in the per-user place Firefox reads it from (~/.mozilla/managed-storage/<extension id>.json; HOME is a
 * temporary folder for this Firefox). The options page must show the practice's settings as locked, and the
 * sidebar must follow them: language, role, the conditions to prompt for. (Chrome reads policy from
 * /etc/chromium/policies, a system folder a test does not write: docs/deployment.md has the manual check.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, startFixtureServer, type ExtensionBrowser, type FixtureServer } from '../../scripts/browser.mjs';
import { docExample } from '../doc-examples';
import { attributesFx, boxFx, navigateToExtensionPageFx, shownConditions, textFx, waitForConditions } from './firefox-harness';
import { pageText, screenshot } from './harness';

const manifest = docExample('firefox-managed-storage') as { name: string; data: { promptConditions: string[] } };
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-firefox-home-'));
let server: FixtureServer;
let firefox: ExtensionBrowser;

beforeAll(async () => {
  fs.mkdirSync(path.join(home, '.mozilla/managed-storage'), { recursive: true });
  fs.writeFileSync(path.join(home, `.mozilla/managed-storage/${manifest.name}.json`), JSON.stringify(manifest));
  server = await startFixtureServer();
  firefox = await launchFirefoxWithExtension({ env: { HOME: home } });
}, 60_000);

afterAll(async () => {
  await firefox?.close();
  await server?.close();
  fs.rmSync(home, { recursive: true, force: true });
});

async function open(pathname: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.goto(`${server.origin}${pathname}`, { waitUntil: 'load' });
  return page;
}

describe('the managed storage example of docs/deployment.md, in Firefox', () => {
  it('the options page is in Dutch and shows the practice settings as locked', async () => {
    const options = await firefox.browser.newPage();
    await navigateToExtensionPageFx(options, `${firefox.extensionOrigin}/options.html`);
    await options.waitForSelector('>>> #role-locked');
    const text = await pageText(options);
    expect(text).toMatch(/Instellingen/);
    expect(text.match(/Ingesteld door uw praktijk/g)?.length, 'locked notes').toBeGreaterThanOrEqual(4);
    expect(text).toMatch(/https:\/\/ehr\.example\.org/);
    // :disabled, not .disabled: the radios are locked through their disabled fieldset.
    const role = await options.$$eval('>>> input[type="radio"][name="role"]', (els) =>
      els.map((el) => `${(el as HTMLInputElement).value}:${(el as HTMLInputElement).checked ? 'on' : 'off'}:${el.matches(':disabled') ? 'locked' : 'open'}`),
    );
    expect(role).toEqual(['gp:off:locked', 'nurse:on:locked']);
    expect(await options.$eval('>>> #site-input', (el) => el.matches(':disabled'))).toBe(true);
    await screenshot(options, 'firefox-policy-options');
    await options.close();
  });

  it('the sidebar follows it: Dutch, the nurse review, only the conditions the practice prompts for', async () => {
    // nl-huisartsdossier.html has type 2 diabetes, COPD, hypertension and depression; the policy leaves depression out.
    const page = await open('/shared/nl-huisartsdossier.html');
    const shown = await waitForConditions(page, 3);
    expect(shown).toEqual({ copd: 'confirmed', hypertension: 'confirmed', t2dm: 'confirmed' });
    for (const id of Object.keys(shown)) expect(manifest.data.promptConditions).toContain(id);
    expect(await textFx(page, 'aside header')).toMatch(/Zelfmanagement\u00ad?ondersteuning/);
    expect((await attributesFx(page, 'aside'))[0]?.['data-role']).toBe('nurse');
    expect(await attributesFx(page, 'button.step'), 'the nurse review goes in the 5A steps').toHaveLength(5);
    const roles = await attributesFx(page, 'button.role');
    expect(roles.every((r) => 'disabled' in r), 'the role cannot be switched in the sidebar').toBe(true);
    // Both roles are shown whole beside the long Dutch title: the locked role must be readable.
    const group = (await boxFx(page, '.roles'))!;
    for (const role of ['gp', 'nurse']) {
      const button = (await boxFx(page, `button.role[data-role="${role}"]`))!;
      expect(button.right - button.left, `${role} button width`).toBeGreaterThan(20);
      expect(button.left >= group.left - 0.5 && button.right <= group.right + 0.5, `${role} button inside its group`).toBe(true);
    }
    expect(await textFx(page, 'li[data-condition="t2dm"] .evidence')).toMatch(/Gezien in de probleemlijst/);
    expect(await shownConditions(page)).not.toHaveProperty('depression');
    await screenshot(page, 'firefox-policy-sidebar');
    await page.close();
  });
});
