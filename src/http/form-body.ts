import { AppError } from './errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses application/x-www-form-urlencoded strictly. Written here because the usual parsers
 * replace invalid UTF-8 with U+FFFD silently, and we must refuse it with a clear error instead
 * of storing something other than what the person typed.
 */
export function parseFormBody(body: Buffer): Record<string, string | string[]> {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new AppError(400, 'invalid_utf8', 'error.invalid_utf8');
  }
  const out: Record<string, string | string[]> = Object.create(null);
  if (text === '') return out;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      throw new AppError(400, 'invalid_utf8', 'error.invalid_utf8');
    }
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[key] = [prev, value];
  }
  return out;
}
