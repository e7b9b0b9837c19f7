import type {} from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../app/request-context.js';
import { parseFormFields, readUploadInMemory } from '../../app/uploads.js';
import { idParamsSchema } from '../curation/curation.schemas.js';
import { EVIDENCE_MAX_BYTES, sniffEvidence } from './evidence-store.js';
import { verificationErrors } from './verification.errors.js';
import * as s from './verification.schemas.js';
import type { UploadedEvidence, VerificationService } from './verification.service.js';

const security = [{ bearerAuth: [] }];

export const verificationRoutes: FastifyPluginAsyncZod<{ verificationService: VerificationService }> = async (app, o) => {
  const tags = ['curation'];

  // Verification.
  app.post(
    '/me/verifications',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary:
          'Ask to verify a degree, the academic title or a position: multipart with fields itemType, itemId, associationId?, note and 1–3 files `evidence` (PDF/JPEG/PNG, ≤ 10 MB each)',
        consumes: ['multipart/form-data'],
        response: { 201: s.verificationSchema },
      },
    },
    async (request, reply) => {
      const { fields, files } = await readUploadInMemory(request, reply, {
        fileField: 'evidence',
        maxFileBytes: EVIDENCE_MAX_BYTES,
        maxFiles: 3,
        tooLarge: () => verificationErrors.evidenceTooLarge(EVIDENCE_MAX_BYTES / 1024 / 1024),
      });
      const uploads: UploadedEvidence[] = [];
      for (const file of files) {
        const mimeType = await sniffEvidence(file.bytes);
        if (!mimeType) throw verificationErrors.evidenceType(file.filename);
        uploads.push({ ...file, mimeType });
      }
      const { itemType, itemId, associationId, note } = parseFormFields(s.verificationFieldsSchema, fields);
      const created = await o.verificationService.submit(
        contextOf(request),
        { itemType, itemId: itemId ?? null, associationId: associationId ?? null, note },
        uploads,
      );
      return reply.code(201).send(created);
    },
  );
  app.get(
    '/me/verifications',
    {
      preHandler: app.authenticate,
      schema: { tags, security, summary: 'My verification requests', response: { 200: s.verificationListSchema } },
    },
    async (request) => ({
      items: await o.verificationService.mine(contextOf(request)),
    }),
  );
  app.get(
    '/curation/verifications',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'The verification queue in my scope, oldest first, with age in days',
        querystring: s.queueQuerySchema,
        response: { 200: s.queueSchema },
      },
    },
    async (request) => ({ items: await o.verificationService.queue(contextOf(request), request.query) }),
  );
  app.get(
    '/curation/verifications/:id',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'One request with the item as submitted and its files (viewing is audited)',
        params: idParamsSchema,
        response: { 200: s.queueItemSchema },
      },
    },
    async (request) => o.verificationService.get(contextOf(request), request.params.id),
  );
  app.post(
    '/curation/verifications/:id/decision',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Approve, reject or ask for changes (a reason is required for the last two)',
        params: idParamsSchema,
        body: s.verificationDecisionBodySchema,
        response: { 200: s.verificationSchema },
      },
    },
    async (request) => o.verificationService.decide(contextOf(request), request.params.id, request.body.decision, request.body.reason),
  );
  app.get(
    '/curation/evidence/:id',
    {
      preHandler: app.authenticate,
      schema: { tags, security, summary: 'Download an evidence file (curators in scope, or its owner)', params: idParamsSchema },
    },
    async (request, reply) => {
      const { file, stream } = await o.verificationService.evidence(contextOf(request), request.params.id);
      reply
        .header('content-type', file.mimeType)
        .header(
          'content-disposition',
          `attachment; filename="${file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store');
      return reply.send(stream);
    },
  );
};
