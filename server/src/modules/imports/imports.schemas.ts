import { z } from 'zod';

export const importJobSchema = z.object({
  id: z.uuid(),
  associationId: z.uuid(),
  filename: z.string(),
  format: z.string(),
  size: z.number(),
  status: z.enum(['parsing', 'dry_run_ready', 'failed', 'importing', 'done']),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  counts: z.record(z.string(), z.number()),
  clean: z.boolean(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const importJobListSchema = z.object({ items: z.array(importJobSchema) });
export const importUploadQuerySchema = z.strictObject({ associationId: z.uuid() });
export const importListQuerySchema = z.strictObject({ associationId: z.uuid().optional() });
export const importRowsQuerySchema = z.strictObject({
  only: z.enum(['errors', 'create', 'update', 'match', 'places']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const importRowsSchema = z.object({
  items: z.array(
    z.object({
      rowNumber: z.number().int(),
      action: z.string(),
      data: z.record(z.string(), z.unknown()),
      errors: z.array(
        z.object({
          column: z.string(),
          code: z.string(),
          message: z.string(),
          value: z.string().optional(),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        }),
      ),
      profileId: z.string().nullable(),
      done: z.boolean(),
    }),
  ),
  total: z.number().int(),
});
