import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TEXT_PROBLEM_MESSAGES, textProblem } from '../modules/shared/text.js';

/** No API input is nested this deep; deeper JSON only costs CPU (and stack) in the schemas after it. */
const MAX_DEPTH = 32;

type Issue = { path: PropertyKey[]; code: string; message: string };

/** Walks a request part without recursion, reporting the first bad string (or key) and over-deep nesting. */
export function findInputProblem(input: unknown): Issue | null {
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value, { multiline: true });
      if (problem) return { path, code: problem, message: TEXT_PROBLEM_MESSAGES[problem] };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_DEPTH) return { path, code: 'too_deep', message: `Must not be nested more than ${MAX_DEPTH} levels` };
    for (const [key, child] of Object.entries(value)) {
      const keyProblem = textProblem(key, { multiline: false });
      if (keyProblem) return { path, code: keyProblem, message: `A key ${TEXT_PROBLEM_MESSAGES[keyProblem].toLowerCase()}` };
      stack.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] });
    }
  }
  return null;
}

/**
 * Every body, query string, path parameter and header a route validates first passes the text
 * rule (no NUL or other control characters, valid Unicode) and a depth bound, so no handler or
 * query ever sees them; the route's own zod schema (single-line fields are stricter) runs after.
 * Errors come out as ordinary validation errors: 400 with the field.
 */
export const guardedValidatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const guarded = z
    .unknown()
    .check((ctx) => {
      const issue = findInputProblem(ctx.value);
      if (issue)
        ctx.issues.push({ code: 'custom', path: issue.path, message: issue.message, params: { code: issue.code }, input: ctx.value });
    })
    .pipe(route.schema);
  return validatorCompiler({ ...route, schema: guarded });
};
