import { vi } from 'vitest';
import type { SitesBrowser } from '../../../lib/background/sites';

type Listener = (p: { origins?: string[] }) => void;

/** An in-memory browser for site registration: permissions, scripting (MV3) or contentScripts (MV2). */
export function fakeSitesBrowser({ mv = 3, granted = [] as string[] } = {}) {
  const permissions = new Set(granted);
  const added: Listener[] = [];
  const removed: Listener[] = [];
  const scripts = new Map<string, { id: string; matches?: string[]; js?: string[]; runAt?: string; persistAcrossSessions?: boolean }>();
  const firefox = new Map<number, Record<string, unknown>>();
  let nextHandle = 1;
  const browser = {
    runtime: {
      getManifest: () => ({
        manifest_version: mv,
        content_scripts: [{ matches: ['http://localhost/*', 'http://127.0.0.1/*'], js: ['content-scripts/content.js'], run_at: 'document_idle' as const }],
      }),
    },
    permissions: {
      contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => permissions.has(o))),
      onAdded: { addListener: (l: Listener) => added.push(l), removeListener: vi.fn(), hasListener: vi.fn() },
      onRemoved: { addListener: (l: Listener) => removed.push(l), removeListener: vi.fn(), hasListener: vi.fn() },
    },
    ...(mv === 3
      ? {
          scripting: {
            registerContentScripts: vi.fn(async (list: { id: string }[]) => {
              for (const s of list) {
                if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
                scripts.set(s.id, s);
              }
            }),
            unregisterContentScripts: vi.fn(async (filter?: { ids?: string[] }) => {
              for (const id of filter?.ids ?? [...scripts.keys()]) {
                if (!scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
              }
            }),
            getRegisteredContentScripts: vi.fn(async () => [...scripts.values()]),
          },
        }
      : {
          contentScripts: {
            register: vi.fn(async (options: Record<string, unknown>) => {
              const handle = nextHandle++;
              firefox.set(handle, options);
              return { unregister: vi.fn(async () => void firefox.delete(handle)) };
            }),
          },
        }),
  };
  return {
    browser: browser as unknown as SitesBrowser,
    raw: browser,
    scripts,
    firefox,
    grant(origin: string) {
      permissions.add(origin);
      added.forEach((l) => l({ origins: [origin] }));
    },
    revoke(origin: string) {
      permissions.delete(origin);
      removed.forEach((l) => l({ origins: [origin] }));
    },
  };
}
