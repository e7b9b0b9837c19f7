import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../app/request-context.js';
import * as s from './curation.schemas.js';
import type { CurationService } from './curation.service.js';

const security = [{ bearerAuth: [] }];

/** The curator's overview; the work itself lives in memberships/, verification/, duplicates/ and imports/. */
export const curationRoutes: FastifyPluginAsyncZod<{ curationService: CurationService }> = async (app, o) => {
  const tags = ['curation'];

  app.get(
    '/curation/dashboard',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Queue sizes and ageing, applications, duplicates, recent imports',
        response: { 200: s.dashboardSchema },
      },
    },
    async (request) => o.curationService.dashboard(contextOf(request)),
  );
};
