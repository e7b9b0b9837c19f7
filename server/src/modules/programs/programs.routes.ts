import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../app/request-context.js';
import { expertIdParamsSchema } from '../profiles/profiles.schemas.js';
import type { ProgramsService } from './programs.service.js';
import {
  createProgramBodySchema,
  eligibilityListSchema,
  langQuerySchema,
  programIdParamsSchema,
  programListSchema,
  programSchema,
  programStatusBodySchema,
  programRuleTestBodySchema,
  programRuleTestResultSchema,
  programVersionListSchema,
  ruleTestBodySchema,
  ruleTestResultSchema,
  updateProgramBodySchema,
} from './programs.schemas.js';

const security = [{ bearerAuth: [] }];
const tags = ['programs'];
const savedSchema = z.object({ id: z.uuid(), version: z.number().int() });
/** The public catalogue, officers' editing, and "which programs fit me". */
export const programsRoutes: FastifyPluginAsyncZod<{ programsService: ProgramsService }> = async (app, { programsService: s }) => {
  const auth = { preHandler: app.authenticate };
  const doc = (summary: string, secured = true) => ({ tags, summary, ...(secured ? { security } : {}) });

  app.get(
    '/programs',
    {
      preHandler: app.identify,
      schema: { ...doc('Published talent-attraction programs (public)', false), response: { 200: programListSchema } },
    },
    async (request) => s.list(contextOf(request), false),
  );
  app.get(
    '/programs/manage',
    { ...auth, schema: { ...doc('Programs I may edit, every status (officers)'), response: { 200: programListSchema } } },
    async (request) => s.list(contextOf(request), true),
  );
  app.get(
    '/programs/:id',
    {
      preHandler: app.identify,
      schema: {
        ...doc('A program with its rules, benefits and legal basis', false),
        params: programIdParamsSchema,
        response: { 200: programSchema },
      },
    },
    async (request) => s.get(contextOf(request), request.params.id),
  );
  app.get(
    '/programs/:id/versions',
    {
      ...auth,
      schema: { ...doc('Versions of a program (officers)'), params: programIdParamsSchema, response: { 200: programVersionListSchema } },
    },
    async (request) => s.versions(contextOf(request), request.params.id),
  );
  app.post(
    '/programs',
    { ...auth, schema: { ...doc('Define a program (officers)'), body: createProgramBodySchema, response: { 201: savedSchema } } },
    async (request, reply) => reply.code(201).send(await s.create(contextOf(request), request.body)),
  );
  app.put(
    '/programs/:id',
    {
      ...auth,
      schema: {
        ...doc('Edit a program; after publication the edit becomes a new version'),
        params: programIdParamsSchema,
        body: updateProgramBodySchema,
        response: { 200: savedSchema },
      },
    },
    async (request) => s.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/programs/:id/status',
    {
      ...auth,
      schema: {
        ...doc('Publish, close or archive a program'),
        params: programIdParamsSchema,
        body: programStatusBodySchema,
        response: { 200: savedSchema },
      },
    },
    async (request) => s.setStatus(contextOf(request), request.params.id, request.body.status),
  );
  app.post(
    '/programs/rules/test',
    {
      ...auth,
      schema: {
        ...doc('Test a rule document against a sample profile (officers)'),
        body: ruleTestBodySchema,
        response: { 200: ruleTestResultSchema },
      },
    },
    async (request) => {
      const { rules, facts } = request.body;
      const result = s.testRules(contextOf(request), rules, facts);
      return { ...result, criteria: result.criteria.map((c) => ({ id: c.id, status: c.status, value: c.value, depth: c.depth })) };
    },
  );
  app.post(
    '/programs/:id/rules/test',
    {
      ...auth,
      schema: {
        ...doc("Test a rule document (default: the program's) against sample and stored profiles (officers of the program)"),
        params: programIdParamsSchema,
        body: programRuleTestBodySchema,
        response: { 200: programRuleTestResultSchema },
      },
    },
    async (request) => s.testProgramRules(contextOf(request), request.params.id, request.body),
  );
  app.get(
    '/me/eligibility',
    {
      ...auth,
      schema: {
        ...doc('Which programs fit me: every criterion met, not met or missing'),
        querystring: langQuerySchema,
        response: { 200: eligibilityListSchema },
      },
    },
    async (request) => s.myEligibility(contextOf(request), request.query.lang),
  );
  app.get(
    '/experts/:id/eligibility',
    {
      ...auth,
      schema: {
        ...doc("An expert's eligibility as staff see it (only what the expert shares with agencies)"),
        params: expertIdParamsSchema,
        querystring: langQuerySchema,
        response: { 200: eligibilityListSchema },
      },
    },
    async (request) => s.eligibilityOf(contextOf(request), request.params.id, request.query.lang),
  );
};
