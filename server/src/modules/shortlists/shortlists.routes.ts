import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../app/request-context.js';
import {
  shortlistBodySchema,
  shortlistIdParamsSchema,
  shortlistItemBodySchema,
  shortlistItemParamsSchema,
  shortlistItemSchema,
  shortlistListSchema,
  shortlistPatchSchema,
  shortlistSchema,
  shortlistSummarySchema,
} from './shortlists.schemas.js';
import type { ShortlistsService } from './shortlists.service.js';

const security = [{ bearerAuth: [] }];
const tags = ['shortlists'];

export const shortlistsRoutes: FastifyPluginAsyncZod<{ shortlistsService: ShortlistsService }> = async (app, { shortlistsService: s }) => {
  app.get(
    '/shortlists',
    { preHandler: app.authenticate, schema: { tags, security, summary: 'My shortlists', response: { 200: shortlistListSchema } } },
    async (request) => ({
      items: await s.list(contextOf(request)),
    }),
  );

  app.post(
    '/shortlists',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Create a shortlist (staff only)',
        body: shortlistBodySchema,
        response: { 201: shortlistSummarySchema },
      },
    },
    async (request, reply) => reply.code(201).send(await s.create(contextOf(request), request.body)),
  );

  app.get(
    '/shortlists/:id',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'A shortlist with its experts (agency view of each)',
        params: shortlistIdParamsSchema,
        response: { 200: shortlistSchema },
      },
    },
    async (request) => s.get(contextOf(request), request.params.id),
  );

  app.patch(
    '/shortlists/:id',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Rename or describe a shortlist',
        params: shortlistIdParamsSchema,
        body: shortlistPatchSchema,
        response: { 200: shortlistSummarySchema },
      },
    },
    async (request) => s.update(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/shortlists/:id',
    {
      preHandler: app.authenticate,
      schema: { tags, security, summary: 'Delete a shortlist', params: shortlistIdParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await s.remove(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/shortlists/:id/items/:profileId',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Add an expert to a shortlist, or change the note',
        params: shortlistItemParamsSchema,
        body: shortlistItemBodySchema,
        response: { 200: shortlistItemSchema },
      },
    },
    async (request) => s.putItem(contextOf(request), request.params.id, request.params.profileId, request.body.note),
  );

  app.delete(
    '/shortlists/:id/items/:profileId',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Remove an expert from a shortlist',
        params: shortlistItemParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await s.removeItem(contextOf(request), request.params.id, request.params.profileId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/shortlists/:id/export.csv',
    {
      preHandler: app.authenticate,
      schema: { tags, security, summary: 'Download a shortlist as CSV (UTF-8)', params: shortlistIdParamsSchema },
    },
    async (request, reply) => {
      const { filename, csv } = await s.exportCsv(contextOf(request), request.params.id);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${filename}"`);
      reply.header('cache-control', 'no-store');
      return csv;
    },
  );
};
