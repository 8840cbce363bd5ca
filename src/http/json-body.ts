import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
// A surrogate escape (\uD800–\uDFFF) is the only way a parsed string can hold a lone surrogate.
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const invalidUtf8 = () => new AppError(400, 'invalid_utf8', 'error.invalid_utf8');

/** True when a string in the value (or a key) holds a lone surrogate. Iterative: JSON may nest deeply. */
function hasLoneSurrogate(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) return true;
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) stack.push(k, x);
    }
  }
  return false;
}

/**
 * JSON bodies, parsed strictly like form bodies (form-body.ts): invalid UTF-8 bytes and lone
 * surrogate escapes are refused with a clear error. The usual parser replaces them with U+FFFD
 * silently, and we would store something other than what was sent.
 */
export function registerJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(invalidUtf8(), undefined);
      return;
    }
    parse(req, text, (err, value) => {
      if (err) done(err, undefined);
      else if (SURROGATE_ESCAPE.test(text) && hasLoneSurrogate(value))
        done(invalidUtf8(), undefined);
      else done(null, value);
    });
  });
}
