import { organisationKinds } from '@hpen/db/enums';
import { z } from 'zod';
import { textSchema } from '../shared/shared.schemas.js';

export const organisationKindSchema = z.enum(organisationKinds);

export const organisationSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  kind: organisationKindSchema,
  nameVi: z.string(),
  nameEn: z.string(),
  parentId: z.uuid().nullable(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationListSchema = z.object({ items: z.array(organisationSchema) });

export const createOrganisationBodySchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(2)
    .max(64)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  kind: organisationKindSchema,
  nameVi: textSchema().trim().min(2).max(200),
  nameEn: textSchema().trim().min(2).max(200),
  parentId: z.uuid().nullish(),
});
export type CreateOrganisationBody = z.infer<typeof createOrganisationBodySchema>;
