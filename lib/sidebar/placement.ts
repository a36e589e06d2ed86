/** A rectangle in viewport pixels. */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/**
 * Where the collapsed tab goes on the right edge: the free spot nearest the preferred height that
 * covers none of the EHR's controls. Falls back to the spot with the least overlap when the edge is full.
 */
export function chooseTabTop(input: {
  viewport: { width: number; height: number };
  tab: { width: number; height: number };
  obstacles: Box[];
  /** Preferred top as a fraction of the viewport height. */
  preferred?: number;
  margin?: number;
}): number {
  const { viewport, tab, obstacles, preferred = 0.35, margin = 8 } = input;
  const maxTop = Math.max(margin, viewport.height - tab.height - margin);
  const want = Math.min(maxTop, Math.max(margin, Math.round(viewport.height * preferred)));
  const left = viewport.width - tab.width;
  // Candidates ordered by distance from the preferred spot, every 4 px.
  const candidates: number[] = [want];
  for (let top = margin; top <= maxTop; top += 4) candidates.push(top);
  candidates.sort((a, b) => Math.abs(a - want) - Math.abs(b - want));

  // Keep a little air around each control so the tab never touches one.
  const padded = obstacles.map((o) => ({ top: o.top - 4, left: o.left - 4, width: o.width + 8, height: o.height + 8 }));
  const overlapArea = (top: number) =>
    padded.reduce((sum, o) => {
      const box = { top, left, width: tab.width, height: tab.height };
      if (!overlaps(box, o)) return sum;
      const w = Math.min(box.left + box.width, o.left + o.width) - Math.max(box.left, o.left);
      const h = Math.min(box.top + box.height, o.top + o.height) - Math.max(box.top, o.top);
      return sum + w * h;
    }, 0);

  let best = want;
  let bestArea = Number.POSITIVE_INFINITY;
  for (const top of candidates) {
    const area = overlapArea(top);
    if (area === 0) return top;
    if (area < bestArea) [best, bestArea] = [top, area];
  }
  return best;
}
