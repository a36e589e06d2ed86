/**
 * The patient's printed action plan, in the built extension in Chromium: seeded through the background the way
 * the sidebar does it (record/save, action-plan/open from an extension context), printed to PDF and checked to
 * be exactly one A4 page that carries the goal, the typed name and the pack footer. Saves the pages as PNGs to
 * docs/screenshots/action-plan-<lang>.png. Needs poppler-utils (pdftotext, pdftoppm): scripts/ensure-system.sh.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/browser.mjs';
import { artifactsDir, launchWithExtension, type ExtensionBrowser } from './harness';

/** SMS_EXTENSION_DIR: test another build (e.g. a partial one) instead of .output/chrome-mv3. */
const EXTENSION_DIR = process.env.SMS_EXTENSION_DIR;
const screenshotsDir = path.join(projectRoot, 'docs/screenshots');
const NAME = 'Maria van den Berg-Özdemir';

const GOALS = {
  en: { text: 'Walk to the bakery and back after lunch', when: 'Monday, Wednesday and Friday', confidence: 7, followUp: '2026-04-01' },
  nl: { text: 'Na de lunch naar de bakker en terug wandelen', when: 'maandag, woensdag en vrijdag', confidence: 6, followUp: '2026-04-01' },
  fr: { text: 'Marcher jusqu’à la boulangerie après le déjeuner', when: 'lundi, mercredi et vendredi', confidence: 8, followUp: '2026-04-01' },
} as const;
const STRATEGIES = ['physical_activity', 'dietitian_referral', 'pharmacist_review', 'follow_up'];
const DIRECTORY = [
  { id: 'diet', role: 'dietitian', name: 'Diëtistenpraktijk Noord', phone: '050 123 45 67', note: 'Dinsdag en donderdag, 9-12 uur' },
  { id: 'pharm', role: 'pharmacist', name: 'Apotheek De Linde', phone: '050 765 43 21' },
];

let ext: ExtensionBrowser;
let base: string;

/** An extension page: a trusted sender, as the options page is; it stands in for the sidebar's requests. */
let control: Page;
async function send<T = unknown>(message: unknown): Promise<T> {
  const reply = (await control.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  )) as { ok: boolean; data?: T; error?: string };
  if (!reply.ok) throw new Error(`${(message as { type: string }).type}: ${reply.error}`);
  return reply.data as T;
}

/** Sends action-plan/open and returns the tab the background opened, once the plan is rendered. */
async function openPlan(request: Record<string, unknown>): Promise<Page> {
  // Any new action plan tab: the page drops the #id from its address at once, so do not match on the id.
  const before = new Set(ext.browser.targets());
  const opened = ext.browser.waitForTarget(
    (t) => t.type() === 'page' && !before.has(t) && t.url().startsWith(`${base}/action-plan.html`),
    { timeout: 10_000 },
  );
  await send({ type: 'action-plan/open', ...request });
  const page = (await (await opened).page())!;
  await page.waitForSelector('body[data-ready]', { timeout: 10_000 });
  expect(await page.evaluate(() => document.body.dataset.ready)).toBe('true');
  return page;
}

function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function printToPdf(page: Page, name: string): Promise<{ file: string; pdf: Buffer; text: string }> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.pdf`);
  const pdf = Buffer.from(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  fs.writeFileSync(file, pdf);
  return { file, pdf, text: pdfText(file) };
}

beforeAll(async () => {
  ext = await launchWithExtension(EXTENSION_DIR ? { dir: EXTENSION_DIR } : {});
  base = `chrome-extension://${ext.extensionId}`;
  control = await ext.browser.newPage();
  await control.goto(`${base}/action-plan.html`); // no plan id: it says the plan is gone, and serves as a sender
  await control.waitForSelector('body[data-ready="gone"]');
  await send({ type: 'settings/save', patch: { directory: DIRECTORY } });
});

afterAll(async () => {
  await ext?.close();
});

describe('the printed action plan', () => {
  for (const lang of ['en', 'nl', 'fr'] as const) {
    it(`prints on one A4 page in ${lang}, with the goal, the typed name, contacts and the pack footer`, async () => {
      const patientRef = `Test patient ${lang} 900 000 000${lang.length}`;
      await send({ type: 'record/save', patientRef, record: { conditions: ['t2dm'], barriers: [], strategies: STRATEGIES, goal: GOALS[lang] } });
      const page = await openPlan({ patientRef, lang, strategies: STRATEGIES }); // goal read from storage
      expect(page.url()).not.toContain('#'); // the one-time id is dropped from the address
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);

      await page.click('pierce/#patient-name');
      await page.keyboard.type(NAME);
      await page.emulateMediaType('print');
      const { file, pdf, text } = await printToPdf(page, `action-plan-${lang}`);

      expect(countPdfPages(pdf)).toBe(1);
      expect(text).toContain(GOALS[lang].text);
      expect(text).toContain(NAME);
      expect(text).toContain('Diëtistenpraktijk Noord');
      expect(text).toContain('050 765 43 21');
      expect(text).toMatch(/sms-core \d+\.\d+\.\d+ · [0-9a-f]{8}/);
      expect(text).not.toMatch(/Print|Printen|Imprimer/); // the screen-only button is not printed
      expect(text).toContain(String(GOALS[lang].confidence));

      fs.mkdirSync(screenshotsDir, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '72', '-singlefile', file, path.join(screenshotsDir, `action-plan-${lang}`)]);
      expect(fs.statSync(path.join(screenshotsDir, `action-plan-${lang}.png`)).size).toBeGreaterThan(10_000);
      await page.close();
    });
  }

  it('still fits one page at the longest: a 500-character goal, six steps and four contacts with notes', async () => {
    const long = {
      text: 'Ik wil elke ochtend na het ontbijt een rustige wandeling maken door het park, '.repeat(7).slice(0, 500),
      when: 'Elke ochtend om half negen, ook in het weekend, behalve als het glad is of als ik naar de dagbesteding ga'.repeat(2).slice(0, 200),
      confidence: 3,
      followUp: '2026-12-31',
    };
    const roles = ['dietitian', 'pharmacist', 'physiotherapist', 'diabetes_educator', 'nurse'];
    await send({
      type: 'settings/save',
      patch: {
        directory: roles.map((role, i) => ({
          id: `c${i}`, role, name: `Zorgverlener met een heel lange naam nummer ${i}`, phone: '+31 50 123 45 67',
          note: 'Bereikbaar op maandag, dinsdag en donderdag tussen negen en twaalf uur, of via de praktijk',
        })),
      },
    });
    const strategies = ['dietitian_referral', 'pharmacist_review', 'physio_referral', 'diabetes_educator', 'nurse_handover', 'hypo_awareness', 'physical_activity'];
    const page = await openPlan({ patientRef: 'Long plan', lang: 'nl', strategies, goal: long });
    expect(await page.evaluate(() => document.querySelector('sms-action-plan')!.getAttribute('density'))).toBe('compact');
    await page.emulateMediaType('print');
    const { pdf, text } = await printToPdf(page, 'action-plan-longest');
    expect(countPdfPages(pdf)).toBe(1);
    expect(text).toContain('Zorgverlener met een heel lange naam nummer 3'); // the fourth contact, the last section's neighbour
    expect(text).toMatch(/sms-core \d+\.\d+\.\d+ · [0-9a-f]{8}/); // the footer, last on the page, is not cut
    await page.close();
    await send({ type: 'settings/save', patch: { directory: DIRECTORY } });
  });

  it('shows a plan once, and keeps neither the typed name nor the plan anywhere', async () => {
    const page = await openPlan({ patientRef: 'Once only', lang: 'en', strategies: [], goal: GOALS.en });
    await page.click('pierce/#patient-name');
    await page.keyboard.type(NAME);
    await page.reload();
    await page.waitForSelector('body[data-ready="gone"]');
    expect(await page.$eval('#status', (el) => el.textContent)).toMatch(/no longer here/);

    const stored = await control.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: Record<string, { get(k: null): Promise<unknown> }> } }).chrome;
      return JSON.stringify([await c.storage.local!.get(null), await c.storage.session!.get(null)]);
    });
    expect(stored).not.toContain('Maria');
    expect(stored).not.toContain('Özdemir');
    expect(stored).not.toContain('actionPlan.');
    await page.close();
  });

  it('refuses to open a plan for a patient reference that is not valid, and opens no tab', async () => {
    const pagesBefore = (await ext.browser.pages()).length;
    await expect(send({ type: 'action-plan/open', patientRef: '', lang: 'en', strategies: [] })).rejects.toThrow(/invalid request/);
    expect((await ext.browser.pages()).length).toBe(pagesBefore);
  });
});
