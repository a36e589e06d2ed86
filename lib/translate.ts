import { isLanguage, type Language } from './conditions';
import type en from '../public/_locales/en/messages.json';

/**
 * Formatting of user-visible text from public/_locales/<lang>/messages.json (the browser's i18n format).
 * We read those files ourselves rather than through browser.i18n, because the clinician may choose a
 * language other than the browser's, and the patient's action plan may need yet another one.
 * No schema library here: the content script uses this module (strings reach it from the background).
 */
export type MessageKey = keyof typeof en;

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}
export type MessagesFile = Record<string, MessageEntry>;

export type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

/** Formats one message as the browser would: named placeholders ($COUNT$) point at $1, $2... */
function format(entry: MessageEntry, substitutions: (string | number)[]): string {
  const positional = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => String(substitutions[Number(n) - 1] ?? ''));
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? positional(placeholder.content) : whole;
  });
}

/** A translator over one language's messages, falling back to another file (English), then to the key. */
export function createTranslator(messages: MessagesFile, fallback: MessagesFile = {}): Translate {
  return (key, ...substitutions) => {
    const entry = messages[key] ?? fallback[key];
    return entry ? format(entry, substitutions) : key;
  };
}

/** The language to use: the explicit choice, else the browser's UI language when we have it, else English. */
export function resolveLanguage(choice: Language | 'auto', browserLanguage: string | undefined): Language {
  if (choice !== 'auto') return choice;
  const base = (browserLanguage ?? '').slice(0, 2).toLowerCase();
  return isLanguage(base) ? base : 'en';
}
