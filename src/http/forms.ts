import { Type, type TProperties } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { SESSION_COOKIE } from '../features/accounts/sessions.ts';
import { translateErrors, type Errors } from '../views/form.tsx';
import type { MessageKey, Params } from '../views/i18n.ts';
import { redirectWithFlash } from './context.tsx';
import { AppError, type FieldError } from './errors.ts';
import { toFieldErrors, type AjvErrorLike } from './validation.ts';

/** A form's body schema: its fields plus the CSRF token every form carries. */
export function FormBody<T extends TProperties>(properties: T) {
  return Type.Object({ ...properties, _csrf: Type.Optional(Type.String({ maxLength: 200 })) });
}

/** The form's validation errors (routes use attachValidation), translated by field. */
export function formErrors(req: FastifyRequest): Errors | null {
  const v = req.validationError as (Error & { validation?: AjvErrorLike[] }) | undefined;
  if (!v?.validation) return null;
  return translateErrors(req.i18n, toFieldErrors(v.validation));
}

/** Runs a use case; a validation AppError comes back as translated field errors for the form. */
export async function tryForm<T>(
  req: FastifyRequest,
  action: () => Promise<T>,
): Promise<{ ok: T } | { errors: Errors }> {
  try {
    return { ok: await action() };
  } catch (err) {
    if (err instanceof AppError && err.fields.length > 0) {
      return { errors: translateErrors(req.i18n, err.fields as FieldError[]) };
    }
    throw err;
  }
}

/**
 * Only local paths are followed after sign-in. Control characters are refused too: a line break
 * or NUL in a Location header is an invalid header (a 500) and an attempt at header injection.
 */
export function safeNext(next: unknown): string {
  return typeof next === 'string' &&
    next.startsWith('/') &&
    !next.startsWith('//') &&
    !next.startsWith('/\\') &&
    !/[\u0000-\u001F\u007F]/.test(next)
    ? next
    : '/';
}

export function setSessionCookie(
  reply: FastifyReply,
  config: Config,
  token: string,
  expires: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.baseUrl.startsWith('https:'),
    expires,
  });
}

export type FlashArgs = [MessageKey, Params?];

/**
 * Runs a button's action and redirects with its message; a rule it breaks (4xx other than
 * "not found") comes back as an error message on the same page instead of an error page.
 */
export async function actAndRedirect(
  reply: FastifyReply,
  to: string,
  action: () => Promise<FlashArgs>,
): Promise<FastifyReply> {
  try {
    const [message, params] = await action();
    return redirectWithFlash(reply, to, 'success', message, params);
  } catch (err) {
    if (err instanceof AppError && err.status >= 400 && err.status < 500 && err.status !== 404) {
      return redirectWithFlash(reply, to, 'error', err.title, err.params);
    }
    throw err;
  }
}
