import { describe, expect, it, vi } from 'vitest';
import { createUiInjector, SIDEBAR_UI_FILE, type UiBrowser } from '../../../lib/background/sidebar-ui';
import { handleRequest } from '../../../lib/background/handler';
import { senderFrame } from '../../../lib/background/start';
import { freshDeps } from './helpers';

const FRAME = { tabId: 7, frameId: 3 };

function fakeBrowser(manifestVersion: number, apis: Pick<UiBrowser, 'scripting' | 'tabs'>): UiBrowser {
  return { runtime: { getManifest: () => ({ manifest_version: manifestVersion }) }, ...apis };
}

describe('sidebar UI injection', () => {
  it('Chrome MV3: injects the UI file into the asking frame only, with scripting.executeScript', async () => {
    const executeScript = vi.fn(async () => []);
    const inject = createUiInjector(fakeBrowser(3, { scripting: { executeScript } }))!;
    await inject(FRAME);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [3] }, files: [SIDEBAR_UI_FILE] });
  });

  it('Firefox MV2: uses tabs.executeScript, even where a scripting object exists without its permission', async () => {
    const tabsExecute = vi.fn(async () => []);
    const scriptingExecute = vi.fn(async () => []);
    const inject = createUiInjector(fakeBrowser(2, { scripting: { executeScript: scriptingExecute }, tabs: { executeScript: tabsExecute } }))!;
    await inject(FRAME);
    expect(tabsExecute).toHaveBeenCalledWith(7, { file: SIDEBAR_UI_FILE, frameId: 3 });
    expect(scriptingExecute).not.toHaveBeenCalled();
  });

  it('is absent where the browser can inject nothing', () => {
    expect(createUiInjector(fakeBrowser(3, {}))).toBeUndefined();
  });

  it('a failed injection reaches the content script as an error', async () => {
    const inject = createUiInjector(
      fakeBrowser(3, { scripting: { executeScript: async () => Promise.reject(new Error('Cannot access contents of the page')) } }),
    )!;
    await expect(inject(FRAME)).rejects.toThrow(/Cannot access/);
  });
});

describe('ui/load request', () => {
  it('injects into the sender frame, which an untrusted content script may ask for', async () => {
    const { deps } = freshDeps();
    const injected: unknown[] = [];
    deps.ui = async (frame) => void injected.push(frame);
    const reply = await handleRequest({ type: 'ui/load' }, deps, { trusted: false, frame: FRAME });
    expect(reply).toEqual({ ok: true, data: { loaded: true } });
    expect(injected).toEqual([FRAME]);
  });

  it('is refused, with a reason, to a sender outside a tab', async () => {
    const { deps } = freshDeps();
    deps.ui = vi.fn(async () => {});
    const reply = await handleRequest({ type: 'ui/load' }, deps, { trusted: true });
    expect(reply).toEqual({ ok: false, error: 'the sidebar can only be loaded into a page' });
    expect(deps.ui).not.toHaveBeenCalled();
  });

  it("takes the frame from the message's sender (top frame when the browser gives none)", () => {
    expect(senderFrame({ id: 'x', tab: { id: 4 } as never, frameId: 2 })).toEqual({ tabId: 4, frameId: 2 });
    expect(senderFrame({ id: 'x', tab: { id: 4 } as never })).toEqual({ tabId: 4, frameId: 0 });
    expect(senderFrame({ id: 'x', url: 'chrome-extension://x/popup.html' })).toBeUndefined();
    expect(senderFrame({ id: 'x', tab: { id: -1 } as never })).toBeUndefined(); // TAB_ID_NONE (devtools, service workers)
  });
});
