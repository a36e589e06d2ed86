import { fakeBrowser } from '@webext-core/fake-browser';
import { vi } from 'vitest';
import type { HandlerDeps } from '../../../lib/background/handler';
import { createPseudonymiser } from '../../../lib/storage/pseudonym';
import { freshDb, NOW } from '../storage/helpers';

/** Resets the fake browser; deps on a fresh fake IndexedDB, its storage, and a clock the test moves (`clock.now`). */
export function freshDeps(): { deps: HandlerDeps & { warn: ReturnType<typeof vi.fn> }; clock: { now: number } } {
  fakeBrowser.reset();
  const clock = { now: NOW };
  const deps = {
    db: freshDb(),
    local: fakeBrowser.storage.local,
    managed: fakeBrowser.storage.managed,
    pseudonymise: createPseudonymiser(fakeBrowser.storage.local),
    now: () => clock.now,
    warn: vi.fn(),
  };
  return { deps, clock };
}
