import { de } from './locales/de.ts';
import { en, type Messages } from './locales/en.ts';

export type Locale = 'de' | 'en';
export const LOCALES: readonly Locale[] = ['de', 'en'];
export type MessageKey = keyof Messages;
export type Params = Record<string, string | number>;

const catalogs: Record<Locale, Messages> = { de, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** Picks the best supported language from an Accept-Language header. */
export function negotiateLocale(header: string | undefined, fallback: Locale): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return {
        lang: tag.trim().toLowerCase().split('-')[0] ?? '',
        q: q ? Number(q.trim().slice(2)) : 1,
      };
    })
    .filter((x) => x.lang !== '' && Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked)
    if ((LOCALES as readonly string[]).includes(lang)) return lang as Locale;
  return fallback;
}

export interface I18n {
  locale: Locale;
  timeZone: string;
  t(key: MessageKey, params?: Params): string;
  date(iso: string | Date): string;
  dateTime(iso: string | Date): string;
  number(n: number, opts?: Intl.NumberFormatOptions): string;
  /** A calendar date stored as YYYY-MM-DD, shown without time-zone shifts. */
  day(isoDate: string): string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: Locale, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
      timeZone,
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

// Formatters are costly to make (tens of microseconds each, a tenth of a page's CPU when made
// per number) and safe to share.
const numberFormats = new Map<string, Intl.NumberFormat>();
function nf(tag: string, opts?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = opts ? `${tag}|${JSON.stringify(opts)}` : tag;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(tag, opts);
    if (numberFormats.size < 100) numberFormats.set(key, f);
  }
  return f;
}

export function i18n(locale: Locale, timeZone: string): I18n {
  const messages = catalogs[locale];
  const tag = locale === 'de' ? 'de-DE' : 'en-GB';
  return {
    locale,
    timeZone,
    t(key, params) {
      const template = messages[key];
      if (!params) return template;
      return template.replace(/\{(\w+)\}/g, (m, name: string) =>
        params[name] === undefined
          ? m
          : typeof params[name] === 'number'
            ? nf(tag).format(params[name])
            : params[name],
      );
    },
    date: (d) => dtf(locale, timeZone, false).format(typeof d === 'string' ? new Date(d) : d),
    dateTime: (d) => dtf(locale, timeZone, true).format(typeof d === 'string' ? new Date(d) : d),
    number: (n, opts) => nf(tag, opts).format(n),
    day: (d) => dtf(locale, 'UTC', false).format(new Date(`${d.slice(0, 10)}T00:00:00Z`)),
  };
}
