import { z } from 'zod';
import type { Language } from './conditions';
import { createTranslator, type MessagesFile, type Translate } from './translate';
import en from '../public/_locales/en/messages.json';
import nl from '../public/_locales/nl/messages.json';
import fr from '../public/_locales/fr/messages.json';

/** The bundled messages of every language, for extension pages and the background (the content script asks the background). */
export { createTranslator, resolveLanguage, type MessageKey, type MessagesFile, type Translate } from './translate';

export const MessagesFileSchema = z.record(
  z.string(),
  z.object({
    message: z.string(),
    description: z.string().optional(),
    placeholders: z.record(z.string(), z.object({ content: z.string() })).optional(),
  }),
);

export const MESSAGES: Record<Language, MessagesFile> = {
  en: MessagesFileSchema.parse(en),
  nl: MessagesFileSchema.parse(nl),
  fr: MessagesFileSchema.parse(fr),
};

export function translator(lang: Language): Translate {
  return createTranslator(MESSAGES[lang], MESSAGES.en);
}

export { LANGUAGES } from './conditions';
