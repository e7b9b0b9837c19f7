import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../app/request-context.js';
import type { OrganisationsService } from './organisations.service.js';
import { createOrganisationBodySchema, organisationListSchema, organisationSchema } from './organisations.schemas.js';

export const organisationsRoutes: FastifyPluginAsyncZod<{ organisationsService: OrganisationsService }> = async (
  app,
  { organisationsService },
) => {
  app.get(
    '/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Organisations: departments, districts, the Union and its associations',
        response: { 200: organisationListSchema },
      },
    },
    async () => ({ items: await organisationsService.list() }),
  );

  app.post(
    '/admin/organisations',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Create an organisation',
        security: [{ bearerAuth: [] }],
        body: createOrganisationBodySchema,
        response: { 201: organisationSchema },
      },
    },
    async (request, reply) => {
      const created = await organisationsService.create(contextOf(request), request.body);
      return reply.code(201).send(created);
    },
  );
};
