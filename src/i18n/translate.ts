import type { Locale } from './locales.ts';
import type { MessageKey, Messages } from './messages/catalog.ts';
import { en } from './messages/en.ts';
import { ptBR } from './messages/pt-BR.ts';
import { ru } from './messages/ru.ts';

/** Every catalog, by locale. */
export const CATALOGS: Record<Locale, Messages> = { 'pt-BR': ptBR, en, ru };

export type MessageParams = Record<string, string | number>;
export type Translator = (key: MessageKey, params?: MessageParams) => string;

function lookup(catalog: Messages, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The message for a key in a locale, with {placeholders} filled. A missing placeholder
 * stays visible as {name} rather than failing the page.
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = lookup(CATALOGS[locale], key) ?? lookup(CATALOGS['pt-BR'], key) ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translate function bound to one locale, for a request or a page. */
export function createTranslator(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}
