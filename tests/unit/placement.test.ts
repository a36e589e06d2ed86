import { describe, expect, it } from 'vitest';
import { chooseTabTop } from '../../lib/sidebar/placement';

const viewport = { width: 1400, height: 900 };
const tab = { width: 34, height: 70 };

describe('chooseTabTop', () => {
  it('uses the preferred height on a clear edge', () => {
    expect(chooseTabTop({ viewport, tab, obstacles: [] })).toBe(315);
  });

  it('moves off a toolbar fixed to the right edge', () => {
    const toolbar = { top: 280, left: 1364, width: 36, height: 120 };
    const top = chooseTabTop({ viewport, tab, obstacles: [toolbar] });
    const clear = top + tab.height <= toolbar.top - 4 || top >= toolbar.top + toolbar.height + 4;
    expect(clear).toBe(true);
    // and stays as near as it can to where it wanted to be
    expect(Math.abs(top - 315)).toBeLessThanOrEqual(120);
  });

  it('ignores controls away from the right edge', () => {
    expect(chooseTabTop({ viewport, tab, obstacles: [{ top: 300, left: 100, width: 200, height: 40 }] })).toBe(315);
  });

  it('picks the least covered spot when the whole edge is taken', () => {
    const obstacles = [
      { top: 0, left: 1360, width: 40, height: 600 },
      { top: 640, left: 1390, width: 10, height: 260 },
    ];
    const top = chooseTabTop({ viewport, tab, obstacles });
    expect(top).toBeGreaterThanOrEqual(600);
  });
});
