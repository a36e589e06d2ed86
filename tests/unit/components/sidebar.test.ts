// @vitest-environment happy-dom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { defineSidebarElements, type SidebarActions, type SmsSidebar } from '../../../components/sms-sidebar';
import { loadBuiltInPack } from '../../../lib/content/packs';
import { translator } from '../../../lib/i18n';
import { buildSidebarModel, EMPTY_STATE, GP_SUGGESTIONS, type SidebarState } from '../../../lib/sidebar/model';
import { DEFAULT_SETTINGS, type Role } from '../../../lib/settings/schema';
import type { DetectionResult } from '../../../lib/detection/result';

const detection: DetectionResult = {
  conditions: [
    {
      id: 't2dm',
      status: 'confirmed',
      evidence: [{ kind: 'code', system: 'icd10', match: 'E11', snippet: 'E11 <img src=x onerror="window.__xss=1">', where: 'problemList', context: null, structured: true }],
    },
    { id: 'depression', status: 'possible', evidence: [] },
  ],
  ruledOut: [],
  patientRef: 'P-1',
  noteField: '#note',
  adapter: 'generic',
};

const pack = loadBuiltInPack('en');
const noVisit = { previous: null, history: [], followUpDue: false };

function actions(): SidebarActions & Record<string, ReturnType<typeof vi.fn>> {
  const names = ['toggleBarrier', 'toggleStrategy', 'setGoal', 'setCollapsed', 'setRole', 'setStep', 'reviewGoal', 'copySummary', 'insertIntoNote', 'openActionPlan'];
  return Object.fromEntries(names.map((n) => [n, vi.fn()])) as never;
}

async function render(role: Role, state: SidebarState = EMPTY_STATE) {
  const el = document.createElement('sms-sidebar') as SmsSidebar;
  el.t = translator('en');
  el.actions = actions();
  el.model = buildSidebarModel({ detection, pack, state, settings: { ...DEFAULT_SETTINGS, role }, visit: noVisit });
  document.body.replaceChildren(el);
  await el.updateComplete;
  // Nested components render on their own update cycle.
  for (const child of el.shadowRoot!.querySelectorAll('*')) await (child as SmsSidebar).updateComplete;
  return el;
}

const deep = (el: Element, selector: string): Element[] => {
  const out: Element[] = [];
  const visit = (root: ParentNode) => {
    out.push(...root.querySelectorAll(selector));
    for (const child of root.querySelectorAll('*')) if (child.shadowRoot) visit(child.shadowRoot);
  };
  visit(el.shadowRoot!);
  return out;
};

beforeAll(() => defineSidebarElements());

describe('<sms-sidebar>', () => {
  it('GP consultation: one-tap chips for the common barriers and at most three suggestions', async () => {
    const el = await render('gp');
    const chips = deep(el, 'input[name="barrier"]');
    expect(chips.length).toBe(pack.barriers.filter((b) => b.quick).length);
    expect(deep(el, 'li[data-strategy]').length).toBeLessThanOrEqual(GP_SUGGESTIONS);
    expect(deep(el, 'sms-flow-nav')).toHaveLength(0);
  });

  it('chronic-care review: all barrier groups and the 5As steps', async () => {
    const el = await render('nurse');
    expect(deep(el, 'input[name="barrier"]')).toHaveLength(pack.barriers.length);
    expect(deep(el, 'button.step').map((b) => b.getAttribute('data-step'))).toEqual(['assess', 'advise', 'agree', 'assist', 'arrange']);
    (deep(el, 'button.next')[0] as HTMLButtonElement).click();
    expect(el.actions.setStep).toHaveBeenCalledWith('advise');
  });

  it('reports a ticked barrier to its controller, without a composed event the page could hear', async () => {
    const el = await render('gp');
    const heard = vi.fn();
    document.addEventListener('barrier-toggle', heard);
    const first = deep(el, 'input[name="barrier"]')[0] as HTMLInputElement;
    first.click();
    expect(el.actions.toggleBarrier).toHaveBeenCalledWith(first.value);
    expect(heard).not.toHaveBeenCalled();
  });

  it('marks a suspected condition as possible, never as confirmed', async () => {
    const el = await render('gp');
    const possible = deep(el, 'li[data-condition="depression"]')[0]!;
    expect(possible.getAttribute('data-status')).toBe('possible');
    expect(possible.textContent).toContain('possible');
  });

  it('shows page text as text: a crafted snippet creates no element', async () => {
    const el = await render('gp');
    expect(deep(el, 'img')).toHaveLength(0);
    expect(deep(el, 'li[data-condition="t2dm"] q')[0]!.textContent).toContain('<img src=x');
    expect(deep(el, 'li[data-condition="t2dm"] .evidence li')[0]!.textContent).toContain('(Seen in the problem list)');
  });

  it('switches role from the header', async () => {
    const el = await render('gp');
    (deep(el, 'button.role[data-role="nurse"]')[0] as HTMLButtonElement).click();
    expect(el.actions.setRole).toHaveBeenCalledWith('nurse');
  });

  it('shows the role but cannot switch it when the practice locked it by policy', async () => {
    const el = await render('nurse');
    el.roleLocked = true;
    await el.updateComplete;
    const gp = deep(el, 'button.role[data-role="gp"]')[0] as HTMLButtonElement;
    expect(gp.disabled).toBe(true);
    expect(gp.title).toBe('Set by your practice');
    gp.click();
    expect(el.actions.setRole).not.toHaveBeenCalled();
  });
});
