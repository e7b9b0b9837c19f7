import type {} from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { contextOf } from '../../app/request-context.js';
import type { ConsultationDocumentsService } from './consultation-documents.service.js';
import { consultationIdParamsSchema, documentListSchema, documentSchema } from './consultations.schemas.js';
import { readDocumentUpload } from './document-store.js';

const security = [{ bearerAuth: [] }];
const tags = ['consultations'];

export const documentsRoutes: FastifyPluginAsyncZod<{ documentsService: ConsultationDocumentsService }> = async (
  app,
  { documentsService: s },
) => {
  const auth = { preHandler: app.authenticate };
  app.get(
    '/consultations/:id/documents',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'The case documents, every version',
        params: consultationIdParamsSchema,
        response: { 200: documentListSchema },
      },
    },
    async (request) => s.list(contextOf(request), request.params.id),
  );
  app.post(
    '/consultations/:id/documents',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'Add a document (multipart field `file`; ≤ 20 MB; the same name adds a version)',
        consumes: ['multipart/form-data'],
        params: consultationIdParamsSchema,
        response: { 201: documentSchema },
      },
    },
    async (request, reply) => {
      const { filename, bytes } = await readDocumentUpload(
        request,
        reply,
        () => new AppError(400, 'consultations.document_missing', 'Attach the document in the `file` field'),
      );
      return reply.code(201).send(await s.upload(contextOf(request), request.params.id, { filename, bytes }));
    },
  );
  app.get(
    '/consultations/:id/documents/:documentId',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'Download one document version',
        params: consultationIdParamsSchema.extend({ documentId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const { doc, stream } = await s.open(contextOf(request), request.params.id, request.params.documentId);
      reply.header('content-type', doc.mime);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.name)}`);
      reply.header('cache-control', 'no-store');
      return reply.send(stream);
    },
  );
};
