import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuditService } from './audit.service.js';
import { auditActionListSchema, auditPageSchema, listAuditQuerySchema } from './audit.schemas.js';

export const auditRoutes: FastifyPluginAsyncZod<{ auditService: AuditService }> = async (app, { auditService }) => {
  app.get(
    '/admin/audit',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Audit log: every state change, newest first',
        security: [{ bearerAuth: [] }],
        querystring: listAuditQuerySchema,
        response: { 200: auditPageSchema },
      },
    },
    async (request) => {
      const { items, total } = await auditService.list(request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/admin/audit/actions',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'The actions the audit log holds (for filtering)',
        security: [{ bearerAuth: [] }],
        response: { 200: auditActionListSchema },
      },
    },
    async () => ({ items: await auditService.listActions() }),
  );
};
