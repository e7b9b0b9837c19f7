import type { TFunction } from 'i18next';

/**
 * The app's message lookup: what it used of i18next (nested keys, `{{name}}` values, `_one`/`_other`
 * plurals, Vietnamese as the fallback, `defaultValue`, languages added in parts), in 1 kB rather than
 * the 17 kB (gzip) i18next and react-i18next put on every first page. i18next's types stay: they check
 * every key against the Vietnamese messages (i18n.ts). Not supported, and unused here: namespaces,
 * nesting (`$t(…)`), context, formatters, `returnObjects`, `lng` per call, HTML escaping (React escapes).
 */
export type { TFunction };

interface Tree {
  [key: string]: string | Tree;
}
interface TranslateOptions {
  count?: number;
  defaultValue?: string;
  [name: string]: unknown;
}

const fallbackLanguage = 'vi';
const resources: Record<string, Tree> = {};
const listeners = new Set<(language: string) => void>();
const pluralRules = new Map<string, Intl.PluralRules>();
let language = fallbackLanguage;

function lookup(lang: string, key: string): unknown {
  let node: unknown = resources[lang];
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Tree)[part];
  }
  return node;
}

function pluralSuffix(lang: string, count: number): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return `_${rules.select(count)}`;
}

/** The language's entry, else Vietnamese's; with a count, the plural form first (`key_one`), then `key`. */
function resolve(lang: string, key: string, count?: number): unknown {
  for (const code of lang === fallbackLanguage ? [lang] : [lang, fallbackLanguage]) {
    const keys = count === undefined ? [key] : [key, `${key}${pluralSuffix(code, count)}`];
    if (count === 0) keys.push(`${key}_zero`);
    for (const candidate of keys.reverse()) {
      const found = lookup(code, candidate);
      if (found !== undefined && found !== null) return found;
    }
  }
  return undefined;
}

/** `{{name}}` → the value; a name given as undefined or null → ''; a name not given stays as written. */
function interpolate(text: string, values: TranslateOptions): string {
  return text.replace(/\{\{(.+?)\}\}/g, (written, raw: string) => {
    const name = raw.trim();
    if (!Object.hasOwn(values, name)) return written;
    const value = values[name];
    return value === undefined || value === null ? '' : String(value as string | number);
  });
}

function translate(lang: string, key: string, options: TranslateOptions = {}): string {
  const count = typeof options.count === 'number' ? options.count : undefined;
  const found = resolve(lang, key, count);
  if (typeof found === 'object') return `key '${key} (${lang})' returned an object instead of string.`;
  const text = found === undefined ? (options.defaultValue ?? key) : String(found as string);
  return interpolate(text, options);
}

const fixed = new Map<string, TFunction>();

/** A `t` for one language (what useTranslation hands a component rendered in that language). */
export function fixedT(lang: string): TFunction {
  let t = fixed.get(lang);
  if (!t) fixed.set(lang, (t = ((key: string, options?: TranslateOptions) => translate(lang, key, options)) as unknown as TFunction));
  return t;
}

/** Deep merge (as i18next's addResourceBundle with deep = true): an existing sentence is replaced only when `overwrite`. */
function merge(target: Tree, source: Tree, overwrite: boolean) {
  for (const [name, value] of Object.entries(source)) {
    const existing = target[name];
    if (existing === undefined) target[name] = value;
    else if (typeof existing === 'string' || typeof value === 'string') {
      if (overwrite) target[name] = value;
    } else merge(existing, value, overwrite);
  }
}

export const translator = {
  get language(): string {
    return language;
  },
  /** In the current language, read when called (so it can be passed around unbound). */
  t: ((key: string, options?: TranslateOptions) => translate(language, key, options)) as unknown as TFunction,
  /** Whether the key has an entry (a sentence or a group) in the current language or in Vietnamese. */
  exists(key: string): boolean {
    return resolve(language, key) !== undefined;
  },
  /** The entry in exactly that language, no fallback: a sentence, a group, or undefined. */
  getResource(lang: string, key: string): unknown {
    return lookup(lang, key);
  },
  addMessages(lang: string, messages: object, overwrite: boolean) {
    merge((resources[lang] ??= {}), structuredClone(messages) as Tree, overwrite);
  },
  changeLanguage(lang: string) {
    language = lang;
    for (const listener of listeners) listener(lang);
  },
  /** Calls back after each change of language; returns the unsubscribe function. */
  onLanguageChanged(listener: (language: string) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
