import { z } from 'zod';
import { importJobSchema } from '../imports/imports.schemas.js';

export const idParamsSchema = z.strictObject({ id: z.uuid() });

export const dashboardSchema = z.object({
  verification: z.object({
    pending: z.number().int(),
    ageing: z.object({ under7Days: z.number().int(), from7To30Days: z.number().int(), over30Days: z.number().int() }),
    oldestDays: z.number().int().nullable(),
    byType: z.record(z.string(), z.number().int()),
  }),
  memberships: z.object({ pending: z.number().int() }),
  duplicates: z.object({ open: z.number().int() }),
  imports: z.array(importJobSchema),
});
