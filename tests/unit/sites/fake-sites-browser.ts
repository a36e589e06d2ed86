import { vi } from 'vitest';
import type { SitesBrowser } from '../../../lib/background/sites';

type Listener = (p: { origins?: string[] }) => void;

const MOZ_ORIGIN = 'moz-extension://5d4c6b4e-8f0a-4f43-9d7e-1c2b3a4d5e6f';

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
      // As each browser gives it: Firefox's files are absolute moz-extension:// URLs, and a missing list is null.
      getManifest: () => ({
        manifest_version: mv,
        content_scripts: [
          mv === 3
            ? { matches: ['http://localhost/*', 'http://127.0.0.1/*'], js: ['content-scripts/content.js'], run_at: 'document_idle' as const }
            : { matches: ['http://127.0.0.1/*', 'http://localhost/*'], js: [`${MOZ_ORIGIN}/content-scripts/content.js`], css: null, run_at: 'document_idle' as const },
        ],
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
              await new Promise((next) => setTimeout(next)); // a round trip to the browser
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
            register: vi.fn(async (options: { js?: { file: string }[]; css?: { file: string }[] }) => {
              // Firefox's schema: each file a strict relative URL.
              for (const { file } of [...(options.js ?? []), ...(options.css ?? [])]) {
                if (/^[a-z-]+:|^\//i.test(file)) throw new Error(`Type error for parameter contentScriptOptions (${file}: .file must match the format "strictRelativeUrl")`);
              }
              const handle = nextHandle++;
              firefox.set(handle, options);
              // Unregistering is a round trip to the parent process in Firefox: it ends a task later.
              return { unregister: vi.fn(() => new Promise<void>((done) => setTimeout(() => done(void firefox.delete(handle))))) };
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
