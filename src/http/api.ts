import { Type, type TSchema } from '@sinclair/typebox';
import AjvModule from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/**
 * JSON bodies are validated without type coercion, so `{"capacity": "50"}` is a named error
 * rather than silently accepted; query strings and path parameters are coerced from text.
 */
export function useApiValidation(app: FastifyInstance): void {
  const Ajv = AjvModule.default;
  const strict = new Ajv({
    allErrors: true,
    coerceTypes: false,
    useDefaults: true,
    removeAdditional: true,
    strict: false,
  });
  const coercing = new Ajv({
    allErrors: true,
    coerceTypes: 'array',
    useDefaults: true,
    removeAdditional: true,
    strict: false,
  });
  addFormats.default(strict);
  addFormats.default(coercing);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema),
  );
}

export const Problem = Type.Object(
  {
    type: Type.String(),
    status: Type.Integer(),
    title: Type.String(),
    code: Type.String(),
    errors: Type.Optional(
      Type.Array(
        Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() }),
      ),
    ),
  },
  { $id: 'Problem', description: 'application/problem+json (RFC 9457)' },
);

/** `{ items, nextCursor }`, the shape of every list. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  });
}

export const PageQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
};

/** Error responses every authenticated route can give, for the OpenAPI document. */
export const problems = (...codes: number[]): Record<number, TSchema> =>
  Object.fromEntries(codes.map((c) => [c, Type.Ref(Problem)]));
