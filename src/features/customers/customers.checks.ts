import type { Db } from '../../db/connect.ts';
import type { FieldError } from '../../http/errors.ts';

/**
 * Checks shared by the customer voice use cases. They run in the use cases, not only in the
 * route schemas, because the CSV import reaches the same use cases without a schema.
 */

// The same characters the route schemas refuse (src/http/validation.ts): C0, DEL and C1 in one
// line, and also the bidirectional overrides; a multi-line text keeps tab and line breaks.
const LINE_CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const TEXT_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A one-line (or with `multiline` a longer) text field, trimmed, with each problem named. */
export function checkText(
  errors: FieldError[],
  field: string,
  value: unknown,
  opts: { max: number; required?: boolean; multiline?: boolean },
): string {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    errors.push({
      field,
      code: 'invalid_type',
      message: 'validation.invalid_type',
      params: { type: 'string' },
    });
    return '';
  }
  const raw = (value ?? '').replace(/\r\n?/g, '\n');
  const s = opts.multiline ? raw.trim() : raw.replace(/\s+/g, ' ').trim();
  if ((opts.multiline ? TEXT_CONTROL : LINE_CONTROL).test(s)) {
    errors.push({ field, code: 'control_characters', message: 'validation.control_characters' });
  } else if (opts.required && s === '') {
    errors.push({ field, code: 'required', message: 'validation.required' });
  } else if ([...s].length > opts.max) {
    errors.push({
      field,
      code: 'too_long',
      message: 'validation.too_long',
      params: { max: opts.max },
    });
  }
  return s;
}

/** A calendar day written YYYY-MM-DD that exists (no 31 June). */
export const isDay = (s: unknown): s is string =>
  typeof s === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** A number typed in a form: "7.5" and "7,5" alike; anything else is NaN. */
export function parseDecimal(text: string | undefined): number {
  const s = (text ?? '').trim().replace(/\s/g, '');
  if (!/^-?(\d+([.,]\d+)?|[.,]\d+)$/.test(s)) return Number.NaN;
  return Number(s.replace(',', '.'));
}

/** A number as it goes back into a form field, with the decimal comma in German. */
export const decimalText = (x: number, locale: string): string =>
  locale === 'de' ? String(x).replace('.', ',') : String(x);

/**
 * Runs `fn` in a transaction, or inside the one `db` already is: the CSV import saves every
 * row through the same use case as the form, all in one transaction.
 */
export function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** The value of a form field as typed; anything that is not one string counts as empty. */
export const formText = (body: unknown, key: string): string => {
  const v = (body as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v : '';
};
