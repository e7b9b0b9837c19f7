import { z } from 'zod';
import { textSchema } from '../shared/shared.schemas.js';
import { communeCodeSchema, provinceCodeSchema } from '../reference/reference.schemas.js';
import { academicTitles, availabilityKinds, cefrLevels, degreeCodes, sectorCodes } from '../reference/reference.data.js';

/** The facets the API can count (names shared with web/). */
export const searchFacetNames = [
  'degree',
  'title',
  'field',
  'sector',
  'locationKind',
  'commune',
  'province',
  'country',
  'language',
  'availability',
  'mode',
  'verified',
  'association',
] as const;
export type SearchFacetName = (typeof searchFacetNames)[number];

/** `?sector=a&sector=b` or `?sector=a,b`; each value checked, at most 20. */
const list = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess(
    (v) =>
      v === undefined
        ? undefined
        : (Array.isArray(v) ? v : [v])
            .flatMap((s) => String(s).split(','))
            .map((s) => s.trim())
            .filter(Boolean),
    z.array(item).max(20).optional(),
  );

export const searchQuerySchema = z.strictObject({
  q: textSchema().trim().max(200, { message: 'A search is at most 200 characters' }).optional().default(''),
  field: list(z.string().regex(/^\d{1,7}$/, { message: 'A field code from the taxonomy' })),
  sector: list(z.enum(sectorCodes)),
  degree: list(z.enum(degreeCodes)),
  title: list(z.enum(academicTitles)),
  locationKind: list(z.enum(['haiphong', 'vietnam', 'overseas'])),
  commune: list(communeCodeSchema),
  province: list(provinceCodeSchema),
  country: list(z.string().regex(/^[A-Z]{2}$/, { message: 'An ISO 3166 country code' })),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, { message: 'An ISO 639-1 language code' })
    .optional(),
  minLevel: z.enum(cefrLevels.filter((l) => l !== 'native') as [string, ...string[]]).optional(),
  availability: list(z.enum(availabilityKinds)),
  mode: list(z.enum(['remote', 'in_person'])),
  verified: z.enum(['true', 'false']).optional(),
  association: list(z.string().regex(/^[a-z0-9-]{2,40}$/, { message: 'An association code' })),
  facets: list(z.enum(searchFacetNames)),
  sort: z.enum(['relevance', 'name', 'updated']).default('relevance'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** Text with the matched words marked, as segments: nothing for the client to parse or escape. */
export const highlightSchema = z.array(z.object({ text: z.string(), match: z.boolean() }));
export type Highlight = z.infer<typeof highlightSchema>;

export const searchHitSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  academicTitle: z.string().nullable(),
  highestDegree: z.string().nullable(),
  fields: z.array(z.string()),
  primaryField: z.string().nullable(),
  sectors: z.array(z.string()),
  keywords: z.array(z.string()),
  location: z.object({
    kind: z.string().nullable(),
    commune: z.string().nullable(),
    province: z.string().nullable(),
    country: z.string().nullable(),
  }),
  verified: z.boolean(),
  updatedAt: z.string(),
  highlights: z.object({
    fullName: highlightSchema,
    /** The best other matching passage (keywords, position, bio…), cropped. */
    snippet: z.object({ attribute: z.string(), text: highlightSchema }).nullable(),
  }),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({
  hits: z.array(searchHitSchema),
  /** Profiles matching every word typed (or, when approximate, some of them). */
  total: z.number().int(),
  /** No profile matched every word: these match some of them. */
  approximate: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  totalPages: z.number().int(),
  facets: z.partialRecord(z.enum(searchFacetNames), z.record(z.string(), z.number().int())),
  audience: z.enum(['public', 'agencies']),
  processingTimeMs: z.number(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const reindexStateSchema = z.object({
  running: z.boolean(),
  reason: z.string().nullable(),
  phase: z.enum(['building', 'swapping', 'done']).nullable(),
  done: z.number().int(),
  total: z.number().int(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  ms: z.number().nullable(),
  documents: z.object({ public: z.number().int(), agencies: z.number().int() }).nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  retryAt: z.string().nullable(),
});

/** GET /api/admin/search/status: the sync's state (admin API, the admin's home page). */
export const searchStatusSchema = z.object({
  usable: z.boolean(),
  degraded: z.string().nullable(),
  relay: z.enum(['inline', 'off']),
  reindex: reindexStateSchema,
  outbox: z.object({
    pending: z.number().int(),
    failing: z.number().int(),
    oldestPendingAt: z.string().nullable(),
    lagSeconds: z.number().int(),
    lastError: z.string().nullable(),
  }),
  meilisearchRestarts: z.number().int().nullable(),
  indexes: z.object({ public: z.number().int().nullable(), agencies: z.number().int().nullable() }),
});
export type SearchStatus = z.infer<typeof searchStatusSchema>;
