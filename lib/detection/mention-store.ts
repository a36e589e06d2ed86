/**
 * The mentions of a page, kept per text block and per condition, so that re-detection after a small DOM
 * change costs in proportion to the change: only the conditions whose mentions changed are decided again,
 * and the evidence of the others is reused as it was.
 */
import type { ConditionId } from '../conditions';
import type { Compiled } from './compile';
import type { DetectionResult } from './result';
import { conclude, decide, type Decision, type Mention, type TidyCache } from './resolve';

/** One condition's mentions: blocks in the order of the page walk (inner blocks before their container). */
interface ConditionMentions {
  order: Element[];
  byBlock: Map<Element, Mention[]>;
}

const CONTAINS = 8; // Node.DOCUMENT_POSITION_CONTAINS: the other node is an ancestor
const CONTAINED_BY = 16; // Node.DOCUMENT_POSITION_CONTAINED_BY: the other node is a descendant
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/** True when block `a` comes before block `b` in the walk: document order, but a container after its blocks. */
function walksBefore(a: Element, b: Element): boolean {
  const p = a.compareDocumentPosition(b);
  if (p & CONTAINED_BY) return false;
  if (p & CONTAINS) return true;
  return (p & FOLLOWING) !== 0;
}

export class MentionStore {
  private readonly blocks = new Map<Element, Mention[]>();
  private readonly conditions = new Map<ConditionId, ConditionMentions>();
  /** Mentions from outside the text blocks (FHIR resources), after the page's own. */
  private extra: Mention[] = [];
  private readonly dirty = new Set<ConditionId>();
  private readonly decisions = new Map<ConditionId, Decision>();
  private readonly tidied: TidyCache = new WeakMap();

  get size(): number {
    return this.blocks.size;
  }

  clear(): void {
    for (const id of this.conditions.keys()) this.dirty.add(id);
    this.blocks.clear();
    this.conditions.clear();
  }

  /**
   * Stores a block's mentions. `walkOrder` says the block comes after every stored block (a full page
   * walk); otherwise its place is found by comparing positions in the document.
   */
  set(el: Element, mentions: Mention[], walkOrder: boolean): void {
    this.delete(el);
    if (mentions.length === 0) return;
    this.blocks.set(el, mentions);
    for (const m of mentions) {
      let cm = this.conditions.get(m.id);
      if (!cm) {
        cm = { order: [], byBlock: new Map() };
        this.conditions.set(m.id, cm);
      }
      const list = cm.byBlock.get(el);
      if (list) {
        list.push(m);
        continue;
      }
      cm.byBlock.set(el, [m]);
      this.dirty.add(m.id);
      if (walkOrder) cm.order.push(el);
      else cm.order.splice(placeOf(cm.order, el), 0, el);
    }
  }

  /** Forgets one block. */
  delete(el: Element): void {
    const mentions = this.blocks.get(el);
    if (!mentions) return;
    this.blocks.delete(el);
    for (const m of mentions) {
      const cm = this.conditions.get(m.id);
      if (!cm?.byBlock.delete(el)) continue;
      cm.order.splice(cm.order.indexOf(el), 1);
      this.dirty.add(m.id);
    }
  }

  /** Forgets the blocks of a subtree (removed from the page, or about to be read again). */
  deleteSubtree(root: Element): void {
    this.delete(root);
    if (this.blocks.size === 0) return;
    const all = root.getElementsByTagName('*');
    for (let i = 0; i < all.length; i++) {
      const e = all[i];
      if (e) this.delete(e);
    }
  }

  setExtra(mentions: Mention[]): void {
    for (const m of this.extra) this.dirty.add(m.id);
    for (const m of mentions) this.dirty.add(m.id);
    this.extra = mentions;
  }

  /** Decides the conditions whose mentions changed since the last call, and concludes over all of them. */
  resolve(c: Compiled, enabled: ReadonlySet<ConditionId> | null): Pick<DetectionResult, 'conditions' | 'ruledOut'> {
    for (const id of this.dirty) {
      const ms = this.mentionsOf(id);
      if (ms.length) this.decisions.set(id, decide(ms, c.acuteEvents));
      else this.decisions.delete(id);
    }
    this.dirty.clear();
    return conclude(this.decisions, c, enabled, this.tidied);
  }

  /** A condition's mentions in page order. Removed blocks were forgotten from their mutation records. */
  private mentionsOf(id: ConditionId): Mention[] {
    const out: Mention[] = [];
    const cm = this.conditions.get(id);
    if (cm) {
      for (const el of cm.order) {
        const list = cm.byBlock.get(el) as Mention[];
        for (let i = 0; i < list.length; i++) out.push(list[i] as Mention);
      }
      if (cm.order.length === 0) this.conditions.delete(id);
    }
    for (const m of this.extra) if (m.id === id) out.push(m);
    return out;
  }
}

/** Index at which `el` goes in a list of blocks in walk order (binary search). */
function placeOf(order: readonly Element[], el: Element): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (walksBefore(order[mid] as Element, el)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
