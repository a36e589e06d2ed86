import { z } from 'zod';
import { LANGUAGES, LanguageSchema, type Language } from './conditions';
import en from '../public/_locales/en/messages.json';
import nl from '../public/_locales/nl/messages.json';
import fr from '../public/_locales/fr/messages.json';

/**
 * All user-visible text lives in public/_locales/<lang>/messages.json (the browser's i18n format).
 * We read those files ourselves rather than through browser.i18n, because the clinician may choose a
 * language other than the browser's, and the patient's action plan may need yet another one.
 */
export type MessageKey = keyof typeof en;

const MessagesFileSchema = z.record(
  z.string(),
  z.object({
    message: z.string(),
    description: z.string().optional(),
    placeholders: z.record(z.string(), z.object({ content: z.string() })).optional(),
  }),
);
type MessagesFile = z.infer<typeof MessagesFileSchema>;

export const MESSAGES: Record<Language, MessagesFile> = {
  en: MessagesFileSchema.parse(en),
  nl: MessagesFileSchema.parse(nl),
  fr: MessagesFileSchema.parse(fr),
};

export type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

/** Formats one message as the browser would: named placeholders ($COUNT$) point at $1, $2... */
function format(entry: MessagesFile[string], substitutions: (string | number)[]): string {
  const positional = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => String(substitutions[Number(n) - 1] ?? ''));
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? positional(placeholder.content) : whole;
  });
}

export function translator(lang: Language): Translate {
  return (key, ...substitutions) => {
    const entry = MESSAGES[lang][key] ?? MESSAGES.en[key];
    return entry ? format(entry, substitutions) : key;
  };
}

/** The language to use: the explicit choice, else the browser's UI language when we have it, else English. */
export function resolveLanguage(choice: Language | 'auto', browserLanguage: string | undefined): Language {
  if (choice !== 'auto') return choice;
  const base = (browserLanguage ?? '').slice(0, 2).toLowerCase();
  const parsed = LanguageSchema.safeParse(base);
  return parsed.success ? parsed.data : 'en';
}

export { LANGUAGES };
