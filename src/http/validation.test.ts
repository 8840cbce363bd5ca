import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import { Line, Text, toFieldErrors, type AjvErrorLike } from './validation.ts';

const ajv = new AjvModule.default({ allErrors: true });
const errorsOf = (schema: object, value: unknown) => {
  const validate = ajv.compile(schema);
  validate(value);
  return toFieldErrors((validate.errors ?? []) as AjvErrorLike[]);
};

describe('text field validation', () => {
  it('one-line fields refuse C0, DEL, C1 controls and bidirectional overrides', () => {
    for (const bad of [
      'a\u0000b',
      'a\nb',
      'a\u007fb',
      'a\u009bb',
      'evil\u202Etxt.exe',
      'x\u2066y',
    ]) {
      expect(errorsOf(Line(50), bad).map((e) => e.code)).toEqual(['control_characters']);
    }
    expect(errorsOf(Line(50), 'Jürgen Weiß 😀 مرحبا')).toEqual([]);
  });

  it('texts keep newlines and tabs but refuse other controls', () => {
    expect(errorsOf(Text(50), 'line one\n\tline two\r\n')).toEqual([]);
    expect(errorsOf(Text(50), 'bell\u0007')[0]?.code).toBe('control_characters');
  });

  it('names the field and the limit of an over-long value', () => {
    const schema = { type: 'object', properties: { name: Line(3) }, required: ['name'] };
    expect(errorsOf(schema, { name: 'abcd' })).toEqual([
      { field: 'name', code: 'too_long', message: 'validation.too_long', params: { max: 3 } },
    ]);
    expect(errorsOf(schema, {})[0]).toMatchObject({ field: 'name', code: 'required' });
  });
});
