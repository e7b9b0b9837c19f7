import { z } from 'zod';
import { TEXT_PROBLEM_MESSAGES, textProblem } from './text.js';

/** Contracts used by more than one module. Pure zod: web/ imports this file. */

/**
 * The base of every text an API accepts (the server also applies the multi-line rule to every
 * request string before any schema, see app/validation.ts). `textSchema()` is one line: names,
 * titles, filters, query strings; `multilineTextSchema()` allows tab and line breaks (bios, notes).
 */
const checkedText = (multiline: boolean) =>
  z.string().check((ctx) => {
    const problem = textProblem(ctx.value, { multiline });
    if (problem) ctx.issues.push({ code: 'custom', message: TEXT_PROBLEM_MESSAGES[problem], params: { code: problem }, input: ctx.value });
  });
export const textSchema = () => checkedText(false);
export const multilineTextSchema = () => checkedText(true);

export const emailSchema = textSchema().trim().toLowerCase().max(254).pipe(z.email());

/** NIST SP 800-63B: length over composition rules; a generous upper bound stops hash DoS. */
export const passwordSchema = multilineTextSchema().min(10).max(128);

export const fullNameSchema = textSchema().trim().min(2).max(120);

export const uuidSchema = z.uuid();

export const isoDateTime = z.string();

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  }),
  requestId: z.string(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
