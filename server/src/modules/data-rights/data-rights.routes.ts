import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../app/request-context.js';
import { REFRESH_COOKIE, refreshCookieOptions } from '../auth/refresh-cookie.js';
import { dataExportSchema } from './data-rights.schemas.js';
import type { DataRightsService } from './data-rights.service.js';

const security = [{ bearerAuth: [] }];

export const dataRightsRoutes: FastifyPluginAsyncZod<{ dataRightsService: DataRightsService }> = async (app, { dataRightsService }) => {
  app.get(
    '/me/export',
    {
      preHandler: app.authenticate,
      schema: { tags: ['data rights'], summary: 'Download all my data as JSON', security, response: { 200: dataExportSchema } },
    },
    async (request, reply) => {
      const data = await dataRightsService.exportData(contextOf(request));
      reply.header('content-disposition', `attachment; filename="hpen-my-data-${data.exportedAt.slice(0, 10)}.json"`);
      reply.header('cache-control', 'no-store');
      return data;
    },
  );

  app.delete(
    '/me',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['data rights'],
        summary: 'Withdraw consent and delete my account and profile everywhere; the audit log keeps an anonymous tombstone',
        security,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await dataRightsService.deleteAccount(contextOf(request));
      reply.clearCookie(REFRESH_COOKIE, refreshCookieOptions(false));
      return reply.code(204).send(null);
    },
  );
};
