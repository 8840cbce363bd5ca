import type { MessageKey, Params } from '../views/i18n.ts';

/** One wrong field: a stable code, and the message key shown to the person. */
export interface FieldError {
  field: string;
  code: string;
  message: MessageKey;
  params?: Params;
}

/**
 * An error the person can act on. `code` is stable (clients match on it, never on text);
 * `title` is a message key, translated when the error is shown.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: MessageKey,
    readonly params: Params = {},
    readonly fields: FieldError[] = [],
  ) {
    super(code);
  }
}

export const notFound = (): AppError => new AppError(404, 'not_found', 'error.not_found');
export const forbidden = (): AppError => new AppError(403, 'forbidden', 'error.forbidden');
export const unauthenticated = (): AppError =>
  new AppError(401, 'unauthenticated', 'error.unauthenticated');

/** Bad input: one or more fields, each named. */
export function invalid(fields: FieldError[]): AppError {
  return new AppError(400, 'validation_failed', 'error.validation_failed', {}, fields);
}

export function fieldError(
  field: string,
  code: string,
  message: MessageKey,
  params?: Params,
): AppError {
  return invalid([{ field, code, message, ...(params ? { params } : {}) }]);
}
