import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { i18n, negotiateLocale } from '../views/i18n.ts';
import type { Deps } from './app.ts';
import { isApi, sendPage } from './context.tsx';
import { AppError, type FieldError } from './errors.ts';
import { toFieldErrors, type AjvErrorLike } from './validation.ts';

/** Maps any thrown error to one AppError; unknown errors become a 500 without details. */
export function toAppError(err: FastifyError | AppError | Error): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { validation?: AjvErrorLike[] };
  if (e.validation) {
    return new AppError(
      400,
      'validation_failed',
      'error.validation_failed',
      {},
      toFieldErrors(e.validation),
    );
  }
  // PostgreSQL cannot hold NUL in text (SQLite can): a NUL in an id, a search or a cursor is bad
  // input, not a server error. Fields people type refuse control characters in their schemas.
  if (e.code === '22021') return new AppError(400, 'bad_request', 'error.bad_request');
  switch (e.code) {
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return new AppError(403, 'csrf_invalid', 'error.csrf_invalid');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError(413, 'too_large', 'error.too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError(415, 'unsupported_media_type', 'error.unsupported_media_type');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(400, 'invalid_json', 'error.invalid_json');
    default:
      break;
  }
  if (e instanceof SyntaxError && (e as FastifyError).statusCode === 400) {
    return new AppError(400, 'invalid_json', 'error.invalid_json');
  }
  const status = e.statusCode ?? 500;
  if (status >= 400 && status < 500)
    return new AppError(status, 'bad_request', 'error.bad_request');
  return new AppError(500, 'internal', 'error.internal');
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  const t = req.i18n?.t;
  const fields = err.fields.map((f: FieldError) => ({
    field: f.field,
    code: f.code,
    message: t ? t(f.message, f.params) : f.code,
  }));
  return reply
    .code(err.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send({
      type: 'about:blank',
      status: err.status,
      title: t ? t(err.title, err.params) : err.code,
      code: err.code,
      ...(fields.length ? { errors: fields } : {}),
    });
}

/**
 * Fastify's own answers to a malformed path (bad percent-encoding, a segment longer than the
 * router accepts) bypass the error handler; this gives them the documented format. They come
 * before any hook, so the language is negotiated here.
 */
export function frameworkErrors(config: Pick<Config, 'defaultLocale' | 'timeZone'>) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply): void => {
    req.i18n = i18n(
      negotiateLocale(req.headers['accept-language'], config.defaultLocale),
      config.timeZone,
    );
    const e = toAppError(err);
    void sendProblem(
      req,
      reply,
      e.status < 500 ? new AppError(400, 'bad_request', 'error.bad_request') : e,
    );
  };
}

export function registerErrorHandling(app: FastifyInstance, deps: Deps): void {
  app.setErrorHandler(async (raw, req, reply) => {
    const err = toAppError(raw as Error);
    if (err.status >= 500) req.log.error({ err: raw }, 'request failed');
    if (err.status === 429 && err.params.seconds !== undefined) {
      reply.header('retry-after', String(err.params.seconds));
    }
    if (isApi(req) || !req.i18n) return sendProblem(req, reply, err);
    if (err.status === 401) {
      const next = encodeURIComponent(req.url);
      return reply.redirect(`/login?next=${next}`, 303);
    }
    const { t } = req.i18n;
    return sendPage(
      req,
      reply,
      deps,
      t(err.title, err.params),
      () => (
        <section class="error-page">
          <h1>{t(err.title, err.params)}</h1>
          {err.fields.length ? (
            <ul>
              {err.fields.map((f) => (
                <li>{`${f.field}: ${t(f.message, f.params)}`}</li>
              ))}
            </ul>
          ) : null}
          <p>
            <a href="/">{t('error.back_home')}</a>
          </p>
        </section>
      ),
      err.status,
    );
  });

  app.setNotFoundHandler(async (req, reply) => {
    const err = new AppError(404, 'not_found', 'error.not_found');
    if (isApi(req) || !req.i18n) return sendProblem(req, reply, err);
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('error.not_found'),
      (ctx) => (
        <section class="error-page">
          <h1>{ctx.i18n.t('error.not_found')}</h1>
          <p>
            <a href="/">{ctx.i18n.t('error.back_home')}</a>
          </p>
        </section>
      ),
      404,
    );
  });
}
