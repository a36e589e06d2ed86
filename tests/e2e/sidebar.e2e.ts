/**
 * The whole path in a real browser: the built extension detects conditions on EHR-like pages, shows the
 * sidebar, follows the clinician's ticks, keeps them across a reload, and hands a summary back.
 */
import { describe, expect, it } from 'vitest';
import {
  accessibleNodes,
  checkedBoxes,
  chromiumDriver,
  clickInSidebar,
  fieldValue,
  openSidebar,
  queryInSidebar,
  screenshot,
  shownConditions,
  sidebarBox,
  sidebarPresent,
  sidebarText,
  strategyIds,
  waitFor,
  waitForConditions,
  useExtensionBrowser,
} from './harness';
import { checkSharedFixture, sharedFixtureCases } from './shared-fixtures';

const session = useExtensionBrowser();
const open = (pathname: string) => session.open(pathname);

describe('shared EHR fixtures match what a careful clinician reads, and take the summary into their note', () => {
  it.each(sharedFixtureCases())('%s', async (name, want) => {
    const page = await open(`/shared/${name}`);
    try {
      await checkSharedFixture(chromiumDriver, page, name, want);
    } finally {
      await page.close();
    }
  });
});

describe('the sidebar in a consultation', () => {
  it('appears with the right conditions, and ticking a barrier changes the strategies', async () => {
    const page = await open('/patient-summary.html');
    const shown = await waitForConditions(page, 3);
    expect(Object.keys(shown).sort()).toEqual(['copd', 'hypertension', 't2dm']);

    const before = await strategyIds(page);
    expect(before.length).toBeGreaterThan(0);
    await clickInSidebar(page, 'input[name="barrier"][value="health_literacy"]');
    const after = await waitFor(() => strategyIds(page), (ids) => ids.join() !== before.join());
    expect(after).not.toEqual(before);
    expect(await sidebarText(page, 'li[data-strategy]')).toMatch(/health literacy/i);

    await screenshot(page, 'sidebar-patient-summary');
    await page.close();
  });

  it('keeps ticks, chosen strategies and the goal after a reload', async () => {
    const page = await open('/patient-summary.html');
    await waitForConditions(page, 3);
    // Earlier test ticked health literacy on this same patient: it is already there.
    await waitFor(() => checkedBoxes(page), (names) => names.length > 0);
    await clickInSidebar(page, 'input[name="barrier"][value="consultation_time"]');
    const [firstStrategy] = await strategyIds(page);
    await clickInSidebar(page, `input[name="strategy"][value="${firstStrategy}"]`);
    await clickInSidebar(page, 'textarea[name="goal-text"]');
    await page.keyboard.type('Walk 15 minutes after lunch');
    await clickInSidebar(page, 'input[name="goal-follow-up"]'); // leaving the field commits the goal
    const ticked = await checkedBoxes(page);
    expect(ticked.length, 'two barriers and one strategy ticked').toBeGreaterThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 1000)); // the save is debounced

    await page.reload({ waitUntil: 'load' });
    await waitForConditions(page, 3);
    const again = await waitFor(() => checkedBoxes(page), (names) => names.length >= ticked.length);
    expect(again.sort()).toEqual(ticked.sort());
    expect(await fieldValue(page, /patient's words/)).toBe('Walk 15 minutes after lunch');
    await page.close();
  });

  it('shows no sidebar on a page with only negated and family-history mentions, menus and unticked boxes', async () => {
    const page = await open('/negations.html');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await sidebarPresent(page)).toBe(false);
    await page.close();
  });

  it('follows a single-page EHR that loads late and switches patient', async () => {
    const page = await open('/shared/spa-chart.html');
    expect(await sidebarPresent(page)).toBe(false);
    await page.click('button[data-pid="p-1001"]');
    await openSidebar(page);
    const first = await waitFor(() => shownConditions(page), (s) => 'copd' in s && 'heart_failure' in s);
    expect(Object.keys(first).sort()).toEqual(['copd', 'heart_failure']);
    await page.click('button[data-pid="p-1002"]');
    const second = await waitFor(() => shownConditions(page), (s) => 'asthma' in s);
    expect(Object.keys(second).sort()).toEqual(['asthma', 'ibs']);
    await page.click('button[data-pid="p-1003"]');
    const third = await waitFor(() => sidebarPresent(page), (present) => !present);
    expect(third).toBe(false);
    await page.close();
  });

  it('copies a plain-text summary and inserts it into the note', async () => {
    const page = await open('/patient-summary.html');
    await session.ext.browser.defaultBrowserContext().overridePermissions(session.server.origin, ['clipboard-read', 'clipboard-write']);
    await waitForConditions(page, 3);
    await clickInSidebar(page, 'button.copy');
    const clip = await waitFor(() => page.evaluate(() => navigator.clipboard.readText()), (t) => t.length > 0);
    expect(clip).toMatch(/diabetes/i);
    expect(clip).not.toMatch(/<[a-z]/i);
    await clickInSidebar(page, 'button.insert');
    const note = await page.$eval('#note', (el) => (el as HTMLTextAreaElement).value);
    expect(note).toBe(clip);
    await page.close();
  });

  it('collapses to a tab that covers none of the EHR controls, and opens again from the keyboard', async () => {
    const page = await open('/shared/openemr-style-summary.html');
    await waitForConditions(page, 3);
    await clickInSidebar(page, 'button.collapse');
    await waitFor(() => queryInSidebar(page, 'button.tab'), (ids) => ids.length === 1);
    const tab = (await sidebarBox(page, 'button.tab'))!;
    expect(tab.right - tab.left).toBeGreaterThan(10);
    const controls = await page.$$eval('button, a, textarea', (els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }),
    );
    for (const c of controls) {
      const overlap = tab.left < c.right && c.left < tab.right && tab.top < c.bottom && c.top < tab.bottom;
      expect(overlap, `tab ${JSON.stringify(tab)} covers control ${JSON.stringify(c)}`).toBe(false);
    }
    await screenshot(page, 'sidebar-collapsed-openemr');

    // The tab has focus after collapsing; Enter opens the panel again.
    await page.keyboard.press('Enter');
    await waitFor(() => queryInSidebar(page, 'aside'), (ids) => ids.length === 1);
    // Escape from inside the panel collapses it, without reaching the EHR's own key handlers.
    await page.evaluate(() => {
      (window as unknown as { keysSeen: number }).keysSeen = 0;
      document.addEventListener('keydown', () => (window as unknown as { keysSeen: number }).keysSeen++);
    });
    await page.keyboard.press('Escape');
    await waitFor(() => queryInSidebar(page, 'button.tab'), (ids) => ids.length === 1);
    expect(await page.evaluate(() => (window as unknown as { keysSeen: number }).keysSeen)).toBe(0);

    // The collapsed state is remembered on the next page.
    const next = await open('/patient-summary.html');
    await waitFor(() => queryInSidebar(next, 'button.tab'), (ids) => ids.length === 1);
    expect(await queryInSidebar(next, 'aside')).toHaveLength(0);
    await clickInSidebar(next, 'button.tab');
    await waitFor(() => queryInSidebar(next, 'aside'), (ids) => ids.length === 1);
    await next.close();
    await page.close();
  });
});
