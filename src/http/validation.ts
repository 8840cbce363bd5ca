import { Type, type TString, type TSchema } from '@sinclair/typebox';
import type { FieldError } from './errors.ts';

// Patterns that refuse control characters (C0, DEL, C1): one-line values refuse all of them and
// the bidirectional overrides that let a name spoof its neighbours; texts keep tab and newlines.
// They are recognised below to name the error precisely.
const LINE_PATTERN = '^[^\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]*$';
const TEXT_PATTERN = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$';

/** A one-line text field. */
export function Line(
  maxLength: number,
  opts: { minLength?: number; format?: string } = {},
): TString {
  return Type.String({ maxLength, pattern: LINE_PATTERN, ...opts });
}

/** A multi-line text field. */
export function Text(maxLength: number): TString {
  return Type.String({ maxLength, pattern: TEXT_PATTERN });
}

export const Email = (): TString => Type.String({ maxLength: 254, format: 'email' });

/** The shape of an Ajv error that we read. */
export interface AjvErrorLike {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  schema?: unknown;
  parentSchema?: { format?: string } | TSchema;
}

/** Turns the validator's errors into named fields with stable codes and message keys. */
export function toFieldErrors(errors: readonly AjvErrorLike[]): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const field =
      e.keyword === 'required'
        ? [path, String(e.params.missingProperty)].filter(Boolean).join('.')
        : path || '(body)';
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, ...describe(e) });
  }
  return out;
}

function describe(e: AjvErrorLike): Omit<FieldError, 'field'> {
  switch (e.keyword) {
    case 'required':
      return { code: 'required', message: 'validation.required' };
    case 'minLength':
      return Number(e.params.limit) <= 1
        ? { code: 'required', message: 'validation.required' }
        : {
            code: 'too_short',
            message: 'validation.too_short',
            params: { min: Number(e.params.limit) },
          };
    case 'maxLength':
      return {
        code: 'too_long',
        message: 'validation.too_long',
        params: { max: Number(e.params.limit) },
      };
    case 'pattern':
      return e.params.pattern === LINE_PATTERN || e.params.pattern === TEXT_PATTERN
        ? { code: 'control_characters', message: 'validation.control_characters' }
        : { code: 'invalid_format', message: 'validation.invalid_format' };
    case 'format':
      return e.params.format === 'email'
        ? { code: 'invalid_email', message: 'validation.invalid_email' }
        : e.params.format === 'date'
          ? { code: 'invalid_date', message: 'validation.invalid_date' }
          : { code: 'invalid_format', message: 'validation.invalid_format' };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { code: 'out_of_range', message: 'validation.out_of_range' };
    case 'type':
      return {
        code: 'invalid_type',
        message: 'validation.invalid_type',
        params: { type: String(e.params.type) },
      };
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return { code: 'invalid_value', message: 'validation.invalid_value' };
    case 'maxItems':
      return {
        code: 'too_many',
        message: 'validation.too_many',
        params: { max: Number(e.params.limit) },
      };
    case 'additionalProperties':
      return { code: 'unknown_field', message: 'validation.unknown_field' };
    default:
      return { code: 'invalid', message: 'validation.invalid_format' };
  }
}
