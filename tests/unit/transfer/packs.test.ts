import { beforeEach, describe, expect, it } from 'vitest';
import { handleRequest, type HandlerDeps } from '../../../lib/background/handler';
import { packForExport, packKey } from '../../../lib/background/packs';
import { loadBuiltInPack, packChecksum } from '../../../lib/content/packs';
import type { ContentPack } from '../../../lib/content/pack-schema';
import { freshDeps } from '../background/helpers';

const trusted = { trusted: true };
let deps: HandlerDeps;

beforeEach(() => {
  deps = freshDeps().deps;
});

/** A valid English pack that differs from the built-in one. */
function customPack(version = '2.0.0'): ContentPack {
  const base = structuredClone(loadBuiltInPack('en'));
  const { checksum: _c, ...rest } = base;
  return { ...rest, id: 'practice-pack', version, title: 'Our practice pack' };
}

describe('pack/get', () => {
  it('serves the built-in pack with its version and checksum, also to content scripts', async () => {
    const reply = await handleRequest({ type: 'pack/get', lang: 'nl' }, deps);
    if (!reply.ok) throw new Error(reply.error);
    const data = reply.data as { pack: ContentPack; version: string; checksum: string; source: string };
    const builtIn = loadBuiltInPack('nl');
    expect(data.source).toBe('built-in');
    expect(data.pack.language).toBe('nl');
    expect(data.version).toBe(builtIn.version);
    expect(data.checksum).toBe(await packChecksum(builtIn));
  });

  it('refuses an unknown language', async () => {
    expect(await handleRequest({ type: 'pack/get', lang: 'de' }, deps)).toMatchObject({ ok: false });
  });
});

describe('pack/import', () => {
  it('stores a good pack as the active pack of its language, served by pack/get', async () => {
    const pack = customPack();
    const reply = await handleRequest({ type: 'pack/import', pack }, deps, trusted);
    expect(reply).toEqual({
      ok: true,
      data: { language: 'en', id: 'practice-pack', version: '2.0.0', checksum: await packChecksum(pack), replaced: false },
    });
    const active = await handleRequest({ type: 'pack/get', lang: 'en' }, deps);
    expect(active).toMatchObject({ ok: true, data: { source: 'imported', version: '2.0.0', pack: { id: 'practice-pack' } } });
    // other languages keep their built-in pack
    expect(await handleRequest({ type: 'pack/get', lang: 'fr' }, deps)).toMatchObject({ ok: true, data: { source: 'built-in' } });
  });

  it('accepts the JSON text of a pack with a correct checksum (as exported)', async () => {
    const exported = await packForExport(customPack());
    const reply = await handleRequest({ type: 'pack/import', pack: JSON.stringify(exported) }, deps, trusted);
    expect(reply).toMatchObject({ ok: true, data: { checksum: exported.checksum } });
  });

  it('a bad pack is refused naming the field, and nothing stored changes', async () => {
    await handleRequest({ type: 'pack/import', pack: customPack('2.0.0') }, deps, trusted);
    const before = await deps.local.get(null);

    const bad = customPack('3.0.0') as unknown as { strategies: { sources: string[] }[] };
    bad.strategies[3]!.sources = [];
    const reply = await handleRequest({ type: 'pack/import', pack: bad }, deps, trusted);
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('strategies[3].sources: at least one source is required') });

    const unknownSource = customPack('3.0.0');
    unknownSource.barriers[0]!.sources = ['nope'];
    expect(await handleRequest({ type: 'pack/import', pack: unknownSource }, deps, trusted)).toMatchObject({
      ok: false,
      error: expect.stringContaining('barriers[0].sources[0]: unknown source "nope"'),
    });

    const tampered = { ...(await packForExport(customPack('3.0.0'))), title: 'Changed after signing' };
    expect(await handleRequest({ type: 'pack/import', pack: tampered }, deps, trusted)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^pack not imported: checksum: /),
    });
    expect(await handleRequest({ type: 'pack/import', pack: '{ not json' }, deps, trusted)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not valid JSON/),
    });

    expect(await deps.local.get(null)).toEqual(before);
    expect(await handleRequest({ type: 'pack/get', lang: 'en' }, deps)).toMatchObject({ ok: true, data: { version: '2.0.0' } });
  });

  it('is refused to content scripts', async () => {
    expect(await handleRequest({ type: 'pack/import', pack: customPack() }, deps)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/only allowed from the extension/),
    });
    expect(await deps.local.get(packKey('en'))).toEqual({});
  });

  it('pack/reset goes back to the built-in pack; an unreadable stored pack falls back with a warning', async () => {
    await handleRequest({ type: 'pack/import', pack: customPack() }, deps, trusted);
    expect(await handleRequest({ type: 'pack/reset', lang: 'en' }, deps, trusted)).toMatchObject({ ok: true, data: { source: 'built-in' } });

    await deps.local.set({ [packKey('en')]: { pack: { format: 'garbage' }, importedAt: 1 } });
    const reply = await handleRequest({ type: 'pack/get', lang: 'en' }, deps);
    expect(reply).toMatchObject({ ok: true, data: { source: 'built-in', warning: expect.stringMatching(/could not be read/) } });
    expect(await deps.local.get(packKey('en'))).toEqual({ [packKey('en')]: { pack: { format: 'garbage' }, importedAt: 1 } });
  });
});

describe('data/counts', () => {
  it('counts what is stored, for extension pages only', async () => {
    expect(await handleRequest({ type: 'data/counts' }, deps, trusted)).toEqual({
      ok: true,
      data: { consultations: 0, goals: 0, metrics: 0, corrupt: 0 },
    });
    await handleRequest({ type: 'metrics/record', event: 'prompt_shown', conditions: ['t2dm', 'copd'] }, deps);
    expect(await handleRequest({ type: 'data/counts' }, deps, trusted)).toMatchObject({ ok: true, data: { metrics: 2 } });
    expect(await handleRequest({ type: 'data/counts' }, deps)).toMatchObject({ ok: false });
  });
});
