import { z } from 'zod';
import type { Language } from '../conditions';
import { ContentPackSchema, type ContentPack } from '../content/pack-schema';
import { loadBuiltInPack, packChecksum, parsePack, verifyPackChecksum } from '../content/packs';
import type { ActivePack, PackImported } from '../messages';
import type { KeyValueArea } from '../storage/kv';

/**
 * Content packs imported by the practice, one per language, in browser.storage.local under `pack.<lang>`.
 * The active pack of a language is the imported one when there is a readable one, else the built-in pack.
 */
export const packKey = (lang: Language): string => `pack.${lang}`;

const StoredPackSchema = z.object({
  pack: ContentPackSchema,
  importedAt: z.number().int(),
});

/** A pack import that failed validation; nothing stored was changed. */
export class PackImportError extends Error {
  constructor(message: string) {
    super(`pack not imported: ${message}`);
    this.name = 'PackImportError';
  }
}

export async function getActivePack(local: KeyValueArea, lang: Language): Promise<ActivePack> {
  const raw = (await local.get(packKey(lang)))[packKey(lang)];
  let warning: string | undefined;
  if (raw !== undefined) {
    const stored = StoredPackSchema.safeParse(raw);
    const sound = stored.success ? parsePack(stored.data.pack) : null;
    if (stored.success && sound?.ok && sound.pack.language === lang) {
      return {
        pack: sound.pack,
        version: sound.pack.version,
        checksum: await packChecksum(sound.pack),
        source: 'imported',
        importedAt: stored.data.importedAt,
      };
    }
    warning = `The imported ${lang} content pack could not be read; the built-in pack is used.`;
  }
  const pack = loadBuiltInPack(lang);
  return { pack, version: pack.version, checksum: await packChecksum(pack), source: 'built-in', ...(warning ? { warning } : {}) };
}

/**
 * Validates a pack (an object or JSON text) and stores it as the active pack of its language. On any problem
 * it throws PackImportError naming the field ("strategies[3].sources: ...") and stores nothing.
 */
export async function importPack(local: KeyValueArea, raw: unknown, now: number): Promise<PackImported> {
  const parsed = parsePack(raw);
  if (!parsed.ok) throw new PackImportError(parsed.error);
  const pack = parsed.pack;
  if ((await verifyPackChecksum(pack)) === false) {
    throw new PackImportError('checksum: does not match the pack content (the file was changed after it was signed off)');
  }
  const key = packKey(pack.language);
  const replaced = (await local.get(key))[key] !== undefined;
  await local.set({ [key]: { pack, importedAt: now } });
  return { language: pack.language, id: pack.id, version: pack.version, checksum: await packChecksum(pack), replaced };
}

/** Goes back to the built-in pack of a language. */
export async function resetPack(local: KeyValueArea, lang: Language): Promise<void> {
  await local.remove(packKey(lang));
}

/** A pack as a file to save: the pack with its checksum filled in. */
export async function packForExport(pack: ContentPack): Promise<ContentPack> {
  return { ...pack, checksum: await packChecksum(pack) };
}
