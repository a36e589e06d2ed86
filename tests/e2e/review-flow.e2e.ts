/**
 * A nurse's chronic-care review in the real browser: the 5As (Assess, Advise, Agree, Assist, Arrange) on a
 * diabetes page and a COPD page, the goal found again after a reload. Also the GP consultation's limits.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  checkedBoxes,
  clickInSidebar,
  fieldValue,
  openSidebar,
  queryInSidebar,
  screenshot,
  sidebarAttributes,
  sidebarText,
  strategyIds,
  waitFor,
  waitForConditions,
  useExtensionBrowser,
} from './harness';
import { serviceWorker } from './security-helpers';

const session = useExtensionBrowser();
const open = (pathname: string) => session.open(pathname);

async function currentStep(page: Page): Promise<string | undefined> {
  return (await sidebarAttributes(page, 'button.step[aria-current="step"]'))?.['data-step'];
}

async function next(page: Page, expected: string): Promise<void> {
  await clickInSidebar(page, 'button.next');
  expect(await waitFor(() => currentStep(page), (s) => s === expected)).toBe(expected);
}

async function switchRole(page: Page, role: 'gp' | 'nurse'): Promise<void> {
  await clickInSidebar(page, `button.role[data-role="${role}"]`);
  await waitFor(() => sidebarAttributes(page, 'aside'), (a) => a?.['data-role'] === role);
}

const REVIEWS = [
  { page: '/shared/openemr-style-summary.html', condition: 't2dm', conditions: 3, barrier: 'health_literacy', goal: 'Walk the dog after lunch' },
  { page: '/shared/spa-chart.html#/patient/p-1001', condition: 'copd', conditions: 2, barrier: 'motivation', goal: 'Use the inhaler with the spacer every morning' },
];

describe('GP consultation: seconds, not minutes', () => {
  it('starts as a tab with the count of conditions, shows at most three suggestions and only quick chips', async () => {
    const page = await open('/patient-summary.html');
    await waitFor(() => queryInSidebar(page, 'aside, button.tab'), (ids) => ids.length > 0);
    await openSidebar(page);
    expect(await sidebarAttributes(page, 'aside')).toMatchObject({ 'data-role': 'gp' });
    expect((await strategyIds(page)).length).toBeLessThanOrEqual(3);
    const chips = await queryInSidebar(page, 'input[name="barrier"]');
    expect(chips.length).toBeGreaterThan(0);
    expect(chips.length).toBeLessThanOrEqual(8);
    expect(await queryInSidebar(page, 'sms-flow-nav')).toHaveLength(0);
    await screenshot(page, 'sidebar-gp');
    await page.close();
  });
});

describe('chronic-care review (nurse): the 5As', () => {
  it.each(REVIEWS)('walks Assess → Arrange on $page and finds the goal again after a reload', async (review) => {
    const page = await open(review.page);
    await waitForConditions(page, review.conditions);
    await switchRole(page, 'nurse');

    // Assess: every barrier group, not only the quick chips.
    expect(await currentStep(page)).toBe('assess');
    const levels = (await queryInSidebar(page, 'fieldset[data-level]')).length;
    expect(levels).toBe(3);
    await clickInSidebar(page, `input[name="barrier"][value="${review.barrier}"]`);

    // Advise: strategies for this step, each saying why.
    await next(page, 'advise');
    const advice = await strategyIds(page);
    expect(advice.length).toBeGreaterThan(0);

    // Agree: the goal in the patient's words, with a low confidence that asks for a smaller plan.
    await next(page, 'agree');
    await clickInSidebar(page, 'textarea[name="goal-text"]');
    await page.keyboard.type(review.goal);
    await clickInSidebar(page, 'input[name="goal-when"]');
    await page.keyboard.type('every day');
    await clickInSidebar(page, 'input[name="goal-confidence"]');
    await page.keyboard.type('5');
    await clickInSidebar(page, 'textarea[name="goal-text"]');
    const advise = await waitFor(() => sidebarText(page, 'p.advice'), (t) => t.length > 0);
    expect(advise).toMatch(/smaller|easier|step/i);

    // Assist: choose a strategy (collaborative care and contacts live here).
    await next(page, 'assist');
    const [assist] = await strategyIds(page);
    expect(assist).toBeDefined();
    await clickInSidebar(page, `input[name="strategy"][value="${assist}"]`);

    // Arrange: a follow-up date; then the step can also be skipped back to by the stepper.
    await next(page, 'arrange');
    await clickInSidebar(page, 'input[name="goal-follow-up"]');
    await page.keyboard.type('01152027');
    await clickInSidebar(page, 'button.step[data-step="assess"]'); // skipping around is allowed
    expect(await currentStep(page)).toBe('assess');
    const ticked = await checkedBoxes(page);
    expect(ticked).toHaveLength(1);
    await screenshot(page, `review-${review.condition}`);
    await new Promise((r) => setTimeout(r, 1000)); // saves are debounced

    await page.reload({ waitUntil: 'load' });
    await openSidebar(page);
    // A review opens as a review, on the step where the nurse left it, with everything kept.
    expect(await waitFor(() => currentStep(page), (s) => s === 'assess')).toBe('assess');
    expect(await waitFor(() => checkedBoxes(page), (names) => names.length === 1)).toEqual(ticked);
    await clickInSidebar(page, 'button.step[data-step="agree"]');
    expect(await waitFor(() => fieldValue(page, /patient's words/), (v) => v === review.goal)).toBe(review.goal);
    expect(await fieldValue(page, /how often/)).toBe('every day');
    const summary = await sidebarText(page);
    expect(summary).toContain(review.goal);
    await switchRole(page, 'gp'); // leave the default role for the other tests
    await page.close();
  });
});

describe('the next visit', () => {
  /** Moves every saved consultation and goal back in time, as if this chart was last opened `days` ago. */
  async function travelBack(days: number): Promise<void> {
    const worker = await serviceWorker(session.ext);
    await worker.evaluate(async (ms: number) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('sms-prompts');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(['consultations', 'goals'], 'readwrite');
      for (const [store, field] of [['consultations', 'updatedAt'], ['goals', 'agreedAt']] as const) {
        const cursor = tx.objectStore(store).openCursor();
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) return;
          c.update({ ...c.value, [field]: c.value[field] - ms });
          c.continue();
        };
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, days * 24 * 60 * 60 * 1000);
  }

  it('opens with "last time you agreed ..." and keeps how it went', async () => {
    const page = await open('/nl-dossier.html');
    await waitForConditions(page, 2);
    await clickInSidebar(page, 'textarea[name="goal-text"]');
    await page.keyboard.type('Elke ochtend wegen');
    await clickInSidebar(page, 'input[name="goal-follow-up"]');
    await new Promise((r) => setTimeout(r, 1000)); // saves are debounced
    await travelBack(30);

    await page.reload({ waitUntil: 'load' });
    await openSidebar(page);
    const review = await waitFor(() => sidebarText(page, '.box'), (t) => t.includes('Elke ochtend wegen'));
    expect(review).toContain('Elke ochtend wegen');
    // A new visit agrees a new goal: the form starts empty, the old goal waits for its review.
    expect((await fieldValue(page, /patient's words/)) ?? '').toBe('');
    await clickInSidebar(page, 'button.outcome[data-outcome="partly"]');
    await waitFor(() => sidebarAttributes(page, 'button.outcome[data-outcome="partly"]'), (a) => a?.['aria-pressed'] === 'true');

    await page.reload({ waitUntil: 'load' });
    await openSidebar(page);
    const pressed = await waitFor(
      () => sidebarAttributes(page, 'button.outcome[data-outcome="partly"]'),
      (a) => a?.['aria-pressed'] === 'true',
    );
    expect(pressed?.['aria-pressed']).toBe('true');
    await screenshot(page, 'sidebar-next-visit');
    await page.close();
  });
});
