/**
 * The i18n core: typed message catalogs, `t`, and locale resolution. No globals are read here:
 * the caller passes the locale (views get it as a prop), so the same code runs in the content
 * script, the popup, the options page and tests.
 */
import type { Locale } from '../sla/format.ts';

/** The product's two languages: one type, the engine's (its explanation speaks them too). */
export type { Locale };
export const LOCALES: readonly Locale[] = ['en', 'nl'];

/** The language preference as stored in Options. */
export type LanguagePreference = 'auto' | Locale;

/**
 * A message is a string with `{name}` placeholders, or a function for the cases a template can't
 * express (plurals, word order that depends on a value).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any parameter object; narrowed per key by Params
export type Message = string | ((params: any) => string);
export type Messages = Readonly<Record<string, Message>>;

/**
 * The shape another language must have: exactly the keys of the English catalog, strings where
 * English has strings and functions with the same parameters where English has functions.
 * `const nl: Translation<typeof en> = {…}` fails the typecheck when a key is missing or extra.
 */
export type Translation<M extends Messages> = {
  readonly [K in keyof M]: M[K] extends (params: infer P) => string ? (params: P) => string : string;
};

/** The placeholder names of a template: `"{n} left in {zone}"` → `"n" | "zone"`. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** What `t` needs for a message: nothing, an object of placeholders, or the function's parameter. */
export type Params<V> = V extends (params: infer P) => string
  ? P
  : V extends string
    ? [Placeholders<V>] extends [never]
      ? undefined
      : Record<Placeholders<V>, string | number>
    : never;

type ParamArgs<V> = Params<V> extends undefined ? [] : [params: Params<V>];

/** Fills `{name}` placeholders; unknown names are left as they are (visible, never thrown). */
export function fill(
  template: string,
  params: Readonly<Record<string, string | number>> | undefined,
): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export interface Catalogs<M extends Messages> {
  en: M;
  nl: Translation<M>;
}

export type TFunction<M extends Messages> = <K extends keyof M & string>(
  locale: Locale,
  key: K,
  ...params: ParamArgs<M[K]>
) => string;

/**
 * Builds an area's `t(locale, key, params)`. Keys and parameters are checked against the English
 * catalog; a key missing at run time (impossible when typed) falls back to English, then to the key.
 */
export function createT<M extends Messages>(catalogs: Catalogs<M>): TFunction<M> {
  return (locale, key, ...rest) => {
    const cat = (locale === 'nl' ? catalogs.nl : catalogs.en) as Readonly<
      Record<string, Message | undefined>
    >;
    const message = cat[key] ?? (catalogs.en as Readonly<Record<string, Message | undefined>>)[key];
    const params = rest[0] as Record<string, string | number> | undefined;
    if (message === undefined) return key;
    return typeof message === 'function' ? message(params) : fill(message, params);
  };
}

/**
 * The locale to show: an explicit preference wins; `auto` follows the browser's languages
 * (first entry that is Dutch or English; `nl`, `nl-BE`… → nl), else English.
 * The product calls it in one place, `lib/background/env.ts` `uiLanguage` (the preference and the
 * browser's UI language); every surface takes that answer. Views never resolve a locale themselves.
 */
export function resolveLocale(
  preference: LanguagePreference | undefined,
  browserLanguages: readonly string[] = [],
): Locale {
  if (preference === 'nl' || preference === 'en') return preference;
  for (const lang of browserLanguages) {
    const base = lang.toLowerCase().split(/[-_]/)[0];
    if (base === 'nl') return 'nl';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** BCP 47 tag used with Intl for a locale (24-hour clock, day before month in both). */
export function intlTag(locale: Locale): string {
  return locale === 'nl' ? 'nl-NL' : 'en-GB';
}

/** Picks the label of a `{ nl, en }` pair (policy labels), falling back to the other language. */
export function pick(label: { nl?: string; en?: string } | undefined, locale: Locale): string | undefined {
  if (!label) return undefined;
  return (locale === 'nl' ? (label.nl ?? label.en) : (label.en ?? label.nl)) || undefined;
}
