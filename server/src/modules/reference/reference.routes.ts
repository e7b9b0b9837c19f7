import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textSchema } from '../shared/shared.schemas.js';
import type { ReferenceService } from './reference.service.js';
import type { SuggestService } from './reference-suggest.js';
import type { TaxonomyVersionsService } from './taxonomy-versions.service.js';
import { contextOf } from '../../app/request-context.js';
import {
  communesSchema,
  taxonomyVersionListSchema,
  taxonomyVersionPreviewSchema,
  taxonomyVersionUploadSchema,
  provinceCodeSchema,
  referenceDataSchema,
  referenceSuggestionsSchema,
  referenceSuggestQuerySchema,
  taxonomySchema,
} from './reference.schemas.js';

const security = [{ bearerAuth: [] }];

export const referenceRoutes: FastifyPluginAsyncZod<{
  referenceService: ReferenceService;
  suggestService: SuggestService;
  taxonomyVersionsService: TaxonomyVersionsService;
}> = async (app, { referenceService, suggestService, taxonomyVersionsService }) => {
  app.get(
    '/admin/taxonomy/versions',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        tags: ['admin'],
        security,
        summary: 'The S&T classification versions, newest first, with their number of fields and crosswalk rows',
        response: { 200: taxonomyVersionListSchema },
      },
    },
    async () => taxonomyVersionsService.list(),
  );

  app.post(
    '/admin/taxonomy/versions/preview',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        tags: ['admin'],
        security,
        summary: 'Check a new S&T classification version and its crosswalk (CSV texts) and say what would change for how many profiles',
        body: taxonomyVersionUploadSchema,
        response: { 200: taxonomyVersionPreviewSchema },
      },
    },
    async (request) => taxonomyVersionsService.preview(request.body),
  );

  app.post(
    '/admin/taxonomy/versions',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        tags: ['admin'],
        security,
        summary: 'Apply a new classification version in one transaction: it becomes current, mapped profile codes move, the index follows',
        body: taxonomyVersionUploadSchema,
        response: { 201: taxonomyVersionPreviewSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await taxonomyVersionsService.apply(contextOf(request), request.body)),
  );

  app.get(
    '/reference/suggest',
    {
      schema: {
        tags: ['reference'],
        summary: 'Fields (with their path) and keywords in use that match what was typed: folded, typo tolerant, with synonyms',
        querystring: referenceSuggestQuerySchema,
        response: { 200: referenceSuggestionsSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return suggestService.suggest(request.query.q, request.query.lang);
    },
  );

  app.get(
    '/reference/taxonomy',
    {
      schema: {
        tags: ['reference'],
        summary: 'Vietnamese classification of S&T fields (vi/en labels), current version unless asked',
        querystring: z.strictObject({ version: textSchema().max(20).optional() }),
        response: { 200: taxonomySchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return referenceService.taxonomy(request.query.version);
    },
  );

  app.get(
    '/reference/lists',
    {
      schema: {
        tags: ['reference'],
        summary: "Priority sectors, degrees, the 34 provinces and Hải Phòng's 114 communes (2025 map), old districts",
        response: { 200: referenceDataSchema },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return referenceService.lists();
    },
  );

  app.get(
    '/reference/provinces/:province/communes',
    {
      schema: {
        tags: ['reference'],
        summary: 'The communes (phường, xã, đặc khu) of one province, current administrative map',
        params: z.strictObject({ province: provinceCodeSchema }),
        response: { 200: communesSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return { province: request.params.province, communes: await referenceService.communesOf(request.params.province) };
    },
  );
};
