import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../app/request-context.js';
import { PdfTooLargeError } from '../shared/pdf.js';
import { annualToCsv, annualToPdf, annualToXlsx } from './annual-export.js';
import type { AnnualReportsService } from './annual-reports.service.js';
import type { OpenDataService } from './open-data.service.js';
import { reportsErrors } from './reports.errors.js';
import {
  annualIdParamsSchema,
  annualQuerySchema,
  annualReportSchema,
  overviewSchema,
  publicStatisticsSchema,
  reportFiltersSchema,
  returnAnnualBodySchema,
  saveAnnualBodySchema,
  yearParamsSchema,
} from './reports.schemas.js';
import type { ReportsService } from './reports.service.js';

interface Options {
  reportsService: ReportsService;
  annualReportsService: AnnualReportsService;
  openDataService: OpenDataService;
  clock: () => Date;
}

const security = [{ bearerAuth: [] }];
const tags = ['reports'];
const stateSchema = z.object({ id: z.uuid(), status: z.enum(['draft', 'submitted', 'accepted']), version: z.number().int() });

/** Staff dashboard, yearly implementation reports, public statistics and open data. */
export const reportsRoutes: FastifyPluginAsyncZod<Options> = async (
  app,
  { reportsService, annualReportsService: annual, openDataService, clock },
) => {
  const auth = { preHandler: app.authenticate };
  const doc = (summary: string) => ({ tags, security, summary });

  app.get(
    '/reports/overview',
    {
      ...auth,
      schema: {
        ...doc('Dashboard figures (officer, admin; a curator for their association)'),
        querystring: reportFiltersSchema,
        response: { 200: overviewSchema },
      },
    },
    async (request) => reportsService.overview(contextOf(request), request.query),
  );

  app.get(
    '/reports/annual',
    {
      ...auth,
      schema: {
        ...doc('A yearly implementation report (Plan 09/KH-UBND): JSON, XLSX (a sheet per section), CSV or PDF'),
        querystring: annualQuerySchema,
      },
    },
    async (request, reply) => {
      const { year, organisationId, format } = request.query;
      const report = annualReportSchema.parse(await annual.get(contextOf(request), year, organisationId));
      const name = `bao-cao-${year}-${report.organisation?.code ?? 'thanh-pho'}`;
      reply.header('cache-control', 'no-store');
      if (format === 'json') return report;
      reply.header('content-disposition', `attachment; filename="${name}.${format}"`);
      if (format === 'csv') {
        reply.header('content-type', 'text/csv; charset=utf-8');
        return annualToCsv(report);
      }
      if (format === 'xlsx') {
        reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        return annualToXlsx(report);
      }
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `inline; filename="${name}.pdf"`);
      try {
        return await annualToPdf(report, clock());
      } catch (e) {
        if (e instanceof PdfTooLargeError) throw reportsErrors.tooLarge();
        throw e;
      }
    },
  );
  app.put(
    '/reports/annual/:year',
    {
      ...auth,
      schema: {
        ...doc('Write my organisation’s yearly report (draft)'),
        params: yearParamsSchema,
        body: saveAnnualBodySchema,
        response: { 200: stateSchema },
      },
    },
    async (request) => annual.save(contextOf(request), request.params.year, request.body),
  );
  app.post(
    '/reports/annual/:year/submit',
    {
      ...auth,
      schema: {
        ...doc('Submit my organisation’s yearly report to the Department of S&T'),
        params: yearParamsSchema,
        response: { 200: stateSchema },
      },
    },
    async (request) => annual.submit(contextOf(request), request.params.year),
  );
  app.post(
    '/reports/annual/by-id/:id/accept',
    {
      ...auth,
      schema: { ...doc('Accept a submitted yearly report (officer, admin)'), params: annualIdParamsSchema, response: { 200: stateSchema } },
    },
    async (request) => annual.accept(contextOf(request), request.params.id),
  );
  app.post(
    '/reports/annual/by-id/:id/return',
    {
      ...auth,
      schema: {
        ...doc('Return a submitted yearly report for changes (officer, admin)'),
        params: annualIdParamsSchema,
        body: returnAnnualBodySchema,
        response: { 200: stateSchema },
      },
    },
    async (request) => annual.returnToDraft(contextOf(request), request.params.id, request.body.reason),
  );

  const pub = ['public', 'open-data'];
  app.get(
    '/public/statistics',
    {
      schema: {
        tags: pub,
        summary: 'Public statistics on the network (cells under 5 people suppressed)',
        response: { 200: publicStatisticsSchema },
      },
    },
    async () => reportsService.publicStatistics(),
  );
  app.get(
    '/public/open-data',
    {
      schema: {
        tags: pub,
        summary: 'Open data catalogue: datasets, formats, licence, version dates',
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async () => openDataService.catalogue(),
  );
  app.get(
    '/public/open-data/statistics.json',
    {
      schema: {
        tags: pub,
        summary: 'Public statistics as open data (JSON, with licence and version date)',
        response: {
          200: z.object({ licence: z.record(z.string(), z.string()), versionDate: z.string(), statistics: publicStatisticsSchema }),
        },
      },
    },
    async () => openDataService.statistics(),
  );
  app.get(
    '/public/open-data/statistics.csv',
    { schema: { tags: pub, summary: 'Public statistics as open data (CSV: dimension, key, count; empty count = suppressed)' } },
    async (_request, reply) => {
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="thong-ke.csv"');
      return openDataService.statisticsCsv();
    },
  );
  const pageQuery = z.object({ cursor: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(1000).default(500) });
  app.get(
    '/public/open-data/experts.json',
    {
      schema: {
        tags: pub,
        summary: 'Public directory fields of listed experts (only what each expert made public), page by page',
        querystring: pageQuery,
        response: {
          200: z.object({
            licence: z.record(z.string(), z.string()),
            versionDate: z.string().nullable(),
            nextCursor: z.string().nullable(),
            items: z.array(
              z.object({
                id: z.uuid(),
                fullName: z.string(),
                academicTitle: z.string().nullable(),
                highestDegree: z.string().nullable(),
                fields: z.array(z.string()),
                sectors: z.array(z.string()),
                keywords: z.array(z.string()),
                location: z.record(z.string(), z.string().nullable()).nullable(),
                url: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => openDataService.experts(request.query.cursor ?? null, request.query.limit),
  );
  app.get(
    '/public/open-data/experts.csv',
    { schema: { tags: pub, summary: 'Public directory fields of listed experts as CSV (UTF-8)' } },
    async (_request, reply) => {
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="chuyen-gia.csv"');
      return openDataService.expertsCsv();
    },
  );
};
