import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { parseFormBody } from './form-body.ts';

const parse = (s: string | Buffer) =>
  parseFormBody(Buffer.isBuffer(s) ? s : Buffer.from(s, 'latin1'));

describe('strict form body parser', () => {
  it('decodes plus signs, percent escapes and repeated keys', () => {
    expect({ ...parse('a=1+2&b=%C3%A4%20x&c=x&c=y&d') }).toEqual({
      a: '1 2',
      b: 'ä x',
      c: ['x', 'y'],
      d: '',
    });
  });

  it('refuses invalid UTF-8, raw or percent-encoded, with code invalid_utf8', () => {
    for (const bad of [Buffer.from([0x61, 0x3d, 0xff]), '%C3%28=x', 'a=%FF', 'a=%E2%82']) {
      let err: unknown;
      try {
        parse(bad);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('invalid_utf8');
    }
  });

  it('ignores keys that would reach object prototypes', () => {
    const out = parse('__proto__=x&constructor=y&ok=1');
    expect(Object.keys(out)).toEqual(['ok']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
