import type {} from '@fastify/multipart';
import { rm } from 'node:fs/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../app/request-context.js';
import { saveUploadToDisk } from '../../app/uploads.js';
import { idParamsSchema } from '../curation/curation.schemas.js';
import { IMPORT_MAX_BYTES } from './import-limits.js';
import { importsErrors } from './imports.errors.js';
import * as s from './imports.schemas.js';
import type { ImportsService } from './imports.service.js';

const security = [{ bearerAuth: [] }];

export const importsRoutes: FastifyPluginAsyncZod<{ importsService: ImportsService }> = async (app, o) => {
  const tags = ['curation'];

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
      const saved = await saveUploadToDisk(request, reply, {
        fileField: 'file',
        maxFileBytes: IMPORT_MAX_BYTES,
        maxFiles: 1,
        tooLarge: () => importsErrors.tooLarge(IMPORT_MAX_BYTES / 1024 / 1024),
        destination: () => o.importsService.uploadPath(),
        accept: (filename) => {
          if (!/\.(csv|xlsx)$/i.test(filename)) throw importsErrors.format();
        },
      });
      if (!saved) throw importsErrors.fileMissing();
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
        params: idParamsSchema,
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
        params: idParamsSchema,
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
        params: idParamsSchema,
        response: { 202: s.importJobSchema },
      },
    },
    async (request, reply) => reply.code(202).send(await o.importsService.confirm(contextOf(request), request.params.id)),
  );
  app.delete(
    '/curation/imports/:id',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Delete a failed, finished or not yet confirmed import with its rows and file (audited)',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await o.importsService.remove(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
