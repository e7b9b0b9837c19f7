import type {} from '@fastify/multipart';
import { rm } from 'node:fs/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { readUploadInMemory, saveUploadToDisk } from '../../app/uploads.js';
import { contextOf } from '../../app/request-context.js';
import type { RequestContext } from '../../app/request-context.js';
import * as s from './curation.schemas.js';
import type { DuplicatesService } from './duplicates.service.js';
import { EVIDENCE_MAX_BYTES, sniffEvidence } from './evidence-store.js';
import type { ImportsService } from './imports.service.js';
import type { MembershipsService } from './memberships.service.js';
import type { UploadedEvidence, VerificationService } from './verification.service.js';
import { curationErrors } from './curation.errors.js';

const security = [{ bearerAuth: [] }];
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

interface Options {
  membershipsService: MembershipsService;
  verificationService: VerificationService;
  duplicatesService: DuplicatesService;
  importsService: ImportsService;
  dashboard: (ctx: RequestContext) => Promise<z.infer<typeof s.dashboardSchema>>;
}

const invalidFields = (issues: z.core.$ZodIssue[]) =>
  new AppError(400, 'validation_failed', 'The request body is invalid', {
    fields: issues.map((i) => ({
      path: i.path.join('.'),
      code: (i as { params?: { code?: string } }).params?.code ?? i.code,
      message: i.message,
    })),
  });

export const curationRoutes: FastifyPluginAsyncZod<Options> = async (app, o) => {
  const tags = ['curation'];

  // Associations: public list; the Union (and the association's curators) manage them.
  app.get(
    '/associations',
    { schema: { tags, summary: 'Associations of the Union with their member counts', response: { 200: s.associationListSchema } } },
    async () => ({
      items: await o.membershipsService.listAssociations(),
    }),
  );
  app.post(
    '/associations',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Create an association (Union curators, admins)',
        body: s.createAssociationBodySchema,
        response: { 201: s.associationSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await o.membershipsService.createAssociation(contextOf(request), request.body)),
  );
  app.patch(
    '/associations/:id',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Rename an association',
        params: s.idParamsSchema,
        body: s.updateAssociationBodySchema,
        response: { 200: s.associationSchema },
      },
    },
    async (request) => o.membershipsService.updateAssociation(contextOf(request), request.params.id, request.body),
  );
  app.delete(
    '/associations/:id',
    {
      preHandler: app.authenticate,
      schema: { tags, security, summary: 'Delete an association without members', params: s.idParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await o.membershipsService.deleteAssociation(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/associations/:id/members',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: "An association's members and applications (its curators)",
        params: s.idParamsSchema,
        querystring: s.membersQuerySchema,
        response: { 200: s.membersSchema },
      },
    },
    async (request) => o.membershipsService.members(contextOf(request), request.params.id, request.query),
  );
  app.get(
    '/associations/:id/members.csv',
    { preHandler: app.authenticate, schema: { tags, security, summary: 'Approved members as CSV', params: s.idParamsSchema } },
    async (request, reply) => {
      const { filename, csv } = await o.membershipsService.membersCsv(contextOf(request), request.params.id);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store');
      return csv;
    },
  );

  // Memberships: the expert's side, then the curator's decision.
  app.get(
    '/me/memberships',
    {
      preHandler: app.authenticate,
      schema: { tags, security, summary: 'My memberships and applications', response: { 200: s.myMembershipsSchema } },
    },
    async (request) => ({
      items: await o.membershipsService.myMemberships(contextOf(request)),
    }),
  );
  app.post(
    '/me/memberships',
    {
      preHandler: app.authenticate,
      schema: { tags, security, summary: 'Apply to join an association', body: s.applyBodySchema, response: { 201: s.membershipSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await o.membershipsService.apply(contextOf(request), request.body.associationId, request.body.message)),
  );
  app.delete(
    '/me/memberships/:associationId',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Leave an association (or withdraw an application)',
        params: s.associationIdParamsSchema,
        response: { 200: s.membershipSchema },
      },
    },
    async (request) => o.membershipsService.leave(contextOf(request), request.params.associationId),
  );
  app.post(
    '/curation/memberships/:id/decision',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Approve or reject (with a reason) an application',
        params: s.idParamsSchema,
        body: s.decisionBodySchema,
        response: { 200: s.membershipSchema },
      },
    },
    async (request) => o.membershipsService.decide(contextOf(request), request.params.id, request.body.decision, request.body.reason),
  );

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
        tooLarge: () => curationErrors.evidenceTooLarge(EVIDENCE_MAX_BYTES / 1024 / 1024),
      });
      const uploads: UploadedEvidence[] = [];
      for (const file of files) {
        const mimeType = await sniffEvidence(file.bytes);
        if (!mimeType) throw curationErrors.evidenceType(file.filename);
        uploads.push({ ...file, mimeType });
      }
      const parsed = s.verificationFieldsSchema.safeParse(fields);
      if (!parsed.success) throw invalidFields(parsed.error.issues);
      const { itemType, itemId, associationId, note } = parsed.data;
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
        params: s.idParamsSchema,
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
        params: s.idParamsSchema,
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
      schema: { tags, security, summary: 'Download an evidence file (curators in scope, or its owner)', params: s.idParamsSchema },
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

  // Duplicates.
  app.post(
    '/curation/duplicates/scan',
    {
      preHandler: app.authenticate,
      schema: { tags, security, summary: 'Find candidate pairs over all profiles', response: { 200: s.scanResultSchema } },
    },
    async (request) => o.duplicatesService.scan(contextOf(request)),
  );
  app.get(
    '/curation/duplicates',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Candidate pairs with score and reasons',
        querystring: s.duplicatesQuerySchema,
        response: { 200: s.duplicateListSchema },
      },
    },
    async (request) => ({ items: await o.duplicatesService.list(contextOf(request), request.query.status) }),
  );
  app.post(
    '/curation/duplicates/:id/dismiss',
    {
      preHandler: app.authenticate,
      schema: { tags, security, summary: 'Not the same person', params: s.idParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await o.duplicatesService.dismiss(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/curation/duplicates/:id/merge',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Merge the pair, section by section; the other id redirects to the kept one',
        params: s.idParamsSchema,
        body: s.mergeBodySchema,
        response: { 200: s.mergeResultSchema },
      },
    },
    async (request) => o.duplicatesService.merge(contextOf(request), request.params.id, request.body),
  );

  // Imports.
  app.get(
    '/curation/imports/template.csv',
    { schema: { tags, summary: 'The member-list template (CSV, UTF-8)' } },
    async (_request, reply) => {
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="mau-danh-sach-hoi-vien.csv"');
      return o.importsService.templateCsv();
    },
  );
  app.get('/curation/imports/template.xlsx', { schema: { tags, summary: 'The member-list template (XLSX)' } }, async (_request, reply) => {
    reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="mau-danh-sach-hoi-vien.xlsx"');
    return o.importsService.templateXlsx();
  });
  app.post(
    '/curation/imports',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary:
          'Upload a member list (CSV UTF-8 or XLSX, ≤ 50 MB, field `file`): starts the dry run; follow it with GET /curation/imports/:id',
        consumes: ['multipart/form-data'],
        querystring: s.importUploadQuerySchema,
        response: { 202: s.importJobSchema },
      },
    },
    async (request, reply) => {
      const tooLarge = () =>
        new AppError(413, 'curation.import_too_large', `A member list can be at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB; split the file`);
      const saved = await saveUploadToDisk(request, reply, {
        fileField: 'file',
        maxFileBytes: IMPORT_MAX_BYTES,
        maxFiles: 1,
        tooLarge,
        destination: () => o.importsService.uploadPath(),
        accept: (filename) => {
          if (!/\.(csv|xlsx)$/i.test(filename)) throw new AppError(415, 'curation.import_format', 'Upload a .csv (UTF-8) or .xlsx file');
        },
      });
      if (!saved)
        throw new AppError(400, 'curation.import_file_missing', 'Attach the member list in the `file` field', {
          fields: [{ path: 'file', code: 'required', message: 'Attach a file' }],
        });
      const { path, size, sha256 } = saved;
      const format = saved.filename.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
      const job = await o.importsService
        .start(contextOf(request), {
          associationId: request.query.associationId,
          filename: saved.filename,
          format,
          size,
          sha256,
          path,
        })
        .catch(async (error: unknown) => {
          await rm(path, { force: true });
          throw error;
        });
      return reply.code(202).send(job);
    },
  );
  app.get(
    '/curation/imports',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Recent imports in my scope',
        querystring: s.importListQuerySchema,
        response: { 200: s.importJobListSchema },
      },
    },
    async (request) => ({ items: await o.importsService.list(contextOf(request), request.query.associationId) }),
  );
  app.get(
    '/curation/imports/:id',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'An import: status, progress and counts (create, update, match, invalid)',
        params: s.idParamsSchema,
        response: { 200: s.importJobSchema },
      },
    },
    async (request) => o.importsService.get(contextOf(request), request.params.id),
  );
  app.get(
    '/curation/imports/:id/rows',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'The rows of an import with their errors and planned action',
        params: s.idParamsSchema,
        querystring: s.importRowsQuerySchema,
        response: { 200: s.importRowsSchema },
      },
    },
    async (request) => o.importsService.rows(contextOf(request), request.params.id, request.query),
  );
  app.post(
    '/curation/imports/:id/confirm',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Import a clean dry run (runs in the background; resumable)',
        params: s.idParamsSchema,
        response: { 202: s.importJobSchema },
      },
    },
    async (request, reply) => reply.code(202).send(await o.importsService.confirm(contextOf(request), request.params.id)),
  );

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
    async (request) => o.dashboard(contextOf(request)),
  );
};
