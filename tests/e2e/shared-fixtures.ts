/**
 * The team's shared EHR fixtures (../shared/ehr-fixtures) as a clinician meets them in a real browser: the
 * conditions expected.json lists, shown as confirmed or possible, none of those that must not be, and the
 * summary handed into the page's own note field. One piece of code for Chromium and Firefox.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'puppeteer-core';
import { sharedFixturesDir } from '../../scripts/browser.mjs';
import { sidebarViews, waitFor, type SidebarDriver } from './harness';

export interface FixtureExpectation {
  conditions: string[];
  possible?: string[];
  not: string[];
  /** Selector of the note field the summary goes into. */
  note_field?: string;
}

/** Every page of expected.json (keys starting with `_` are comments), with what it expects. */
export function sharedFixtureCases(): [string, FixtureExpectation][] {
  const expected = JSON.parse(fs.readFileSync(path.join(sharedFixturesDir, 'expected.json'), 'utf8')) as Record<string, FixtureExpectation>;
  return Object.entries(expected).filter(([name]) => !name.startsWith('_'));
}

/** The note field's text as the clinician sees it (a textarea's value, an editor's rendered text), or null. */
function noteText(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : (el as HTMLElement).innerText;
  }, selector);
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Checks a shared fixture already open in `page` (`name` is its expected.json key; an SPA route after `#` is
 * read on load, so the page is loaded again at it).
 */
export async function checkSharedFixture(driver: SidebarDriver, page: Page, name: string, want: FixtureExpectation): Promise<void> {
  const { shownConditions, waitForConditions } = sidebarViews(driver);
  if (name.includes('#')) await page.reload({ waitUntil: 'load' });
  const possible = want.possible ?? [];
  if (want.conditions.length === 0 && possible.length === 0) {
    // Give an SPA time to load its chart, then make sure nothing was prompted.
    await new Promise((r) => setTimeout(r, 2000));
    expect(await shownConditions(page), `${name} must show no sidebar`).toEqual({});
    return;
  }
  const shown = await waitForConditions(page, want.conditions.length + possible.length);
  for (const id of want.conditions) expect(shown[id], `${name}: ${id}`).toBe('confirmed');
  for (const id of possible) expect(shown[id], `${name}: ${id} only possible`).toBe('possible');
  for (const id of want.not) expect(shown[id], `${name}: ${id} must not be prompted`).toBeUndefined();
  if (!want.note_field) return;

  // "Insert into note": appended to what the note already holds, naming every condition shown, as plain text.
  const before = await noteText(page, want.note_field);
  expect(before, `${name}: the note field ${want.note_field} is on the page`).not.toBeNull();
  await driver.click(page, 'button.insert');
  const after = (await waitFor(() => noteText(page, want.note_field!), (text) => text !== before)) ?? '';
  expect(squash(after).startsWith(squash(before!)), `${name}: the note kept what was in it`).toBe(true);
  const added = after.slice(before!.trimEnd().length);
  for (const id of Object.keys(shown)) {
    const shownName = await driver.text(page, `li[data-condition="${id}"] .name`);
    expect(shownName.length, `${name}: ${id} has a name in the sidebar`).toBeGreaterThan(0);
    expect(added, `${name}: the summary names ${id}`).toContain(shownName);
  }
  expect(added, `${name}: nothing that could become markup`).not.toMatch(/<[a-z!/?]/i);
  expect(await page.evaluate(() => (window as unknown as { __xss_fired?: unknown }).__xss_fired), `${name}: no page script ran`).toBeUndefined();
}
