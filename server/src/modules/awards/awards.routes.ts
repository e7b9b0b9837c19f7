import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../app/request-context.js';
import type { AwardsModule } from './awards.module.js';
import {
  awardIdParamsSchema,
  awardListSchema,
  awardSchema,
  councilRulesListSchema,
  councilRulesSchema,
  createAwardBodySchema,
  createdNominationSchema,
  createNominationBodySchema,
  createRoundBodySchema,
  expertAwardsSchema,
  honourRollQuerySchema,
  honourRollSchema,
  newRulesVersionBodySchema,
  nominationListSchema,
  roundPageSchema,
  roundSchema,
  roundParamsSchema,
} from './awards.schemas.js';

const tags = ['awards'];
const security = [{ bearerAuth: [] }];
const idSchema = z.object({ id: z.uuid() });

/** Public catalogue, round pages and honour roll; officers' award, round and council-rule data; nominations into a round. */
export const awardsRoutes: FastifyPluginAsyncZod<AwardsModule> = async (app, { catalogService: cat, nominationsService: noms }) => {
  const auth = { preHandler: app.authenticate };
  const doc = (summary: string, secured = true) => ({ tags, summary, ...(secured ? { security } : {}) });

  app.get('/awards', { schema: { ...doc('Award catalogue (public)', false), response: { 200: awardListSchema } } }, async () => cat.list());
  app.post(
    '/awards',
    { ...auth, schema: { ...doc('Define an award (officers)'), body: createAwardBodySchema, response: { 201: idSchema } } },
    async (request, reply) => reply.code(201).send(await cat.createAward(contextOf(request), request.body)),
  );
  app.get(
    '/awards/:id',
    { schema: { ...doc('An award with its rounds (public)', false), params: awardIdParamsSchema, response: { 200: awardSchema } } },
    async (request) => cat.get(request.params.id),
  );
  app.post(
    '/awards/:id/rounds',
    {
      ...auth,
      schema: { ...doc('Open a round (officers)'), params: awardIdParamsSchema, body: createRoundBodySchema, response: { 201: idSchema } },
    },
    async (request, reply) => reply.code(201).send(await cat.createRound(contextOf(request), request.params.id, request.body)),
  );
  app.get(
    '/awards/:id/rounds/:roundId',
    {
      schema: {
        ...doc('A round: phases, dates, published results (public)', false),
        params: roundParamsSchema,
        response: { 200: roundPageSchema },
      },
    },
    async (request) => cat.roundPage(request.params.id, request.params.roundId),
  );
  app.patch(
    '/awards/:id/rounds/:roundId',
    {
      ...auth,
      schema: {
        ...doc('Correct a round (officers)'),
        params: roundParamsSchema,
        body: createRoundBodySchema.omit({ year: true }).partial(),
        response: { 200: roundSchema },
      },
    },
    async (request) => cat.updateRound(contextOf(request), request.params.id, request.params.roundId, request.body),
  );
  app.post(
    '/awards/:id/rounds/:roundId/nominations',
    {
      ...auth,
      schema: {
        ...doc('Nominate (draft) by agency, association, organisation or self'),
        params: roundParamsSchema,
        body: createNominationBodySchema,
        response: { 201: createdNominationSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await noms.create(contextOf(request), request.params.id, request.params.roundId, request.body)),
  );
  app.get(
    '/awards/:id/rounds/:roundId/nominations',
    { ...auth, schema: { ...doc('Nominations of a round I may see'), params: roundParamsSchema, response: { 200: nominationListSchema } } },
    async (request) => noms.listForRound(contextOf(request), request.params.id, request.params.roundId),
  );
  app.get(
    '/award-rules',
    { ...auth, schema: { ...doc('Council rules, every version (officers)'), response: { 200: councilRulesListSchema } } },
    async (request) => cat.rules(contextOf(request)),
  );
  app.post(
    '/award-rules',
    {
      ...auth,
      schema: {
        ...doc('A new version of council rules (officers)'),
        body: newRulesVersionBodySchema,
        response: { 201: councilRulesSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await cat.newRulesVersion(contextOf(request), request.body)),
  );
  app.get(
    '/honour-roll',
    {
      schema: {
        ...doc('Published award results (public)', false),
        querystring: honourRollQuerySchema,
        response: { 200: honourRollSchema },
      },
    },
    async (request) => cat.honourRoll(request.query),
  );
  app.get(
    '/experts/:id/awards',
    {
      schema: {
        ...doc("An expert's awards as verified marks with provenance (public)", false),
        params: idSchema,
        response: { 200: expertAwardsSchema },
      },
    },
    async (request) => cat.expertAwards(request.params.id),
  );
};
