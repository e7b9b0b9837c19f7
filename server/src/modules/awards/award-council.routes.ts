import type {} from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../app/request-context.js';
import { readDocumentUpload } from '../consultations/document-store.js';
import { awardsErrors } from './awards.errors.js';
import type { AwardsModule } from './awards.module.js';
import {
  assignmentsSchema,
  attendanceBodySchema,
  closePhaseSchema,
  councilMemberBodySchema,
  councilMemberSchema,
  councilSchema,
  decisionBodySchema,
  eligibilityBodySchema,
  myNominationsSchema,
  myScoreSchema,
  nominationDocumentListSchema,
  nominationDocumentSchema,
  nominationParamsSchema,
  nominationSchema,
  phaseConsoleSchema,
  phaseParamsSchema,
  reviewerSuggestionsSchema,
  roundParamsSchema,
  scoreBodySchema,
  scoreSheetsSchema,
  statusSchema,
  updateNominationBodySchema,
  voteBodySchema,
  votedSchema,
} from './awards.schemas.js';

const tags = ['awards'];
const security = [{ bearerAuth: [] }];

/** Nomination steps, councils, scores, ballots, the secretary's console and the decision. Services decide who may do what. */
export const awardCouncilRoutes: FastifyPluginAsyncZod<AwardsModule> = async (
  app,
  { nominationsService: noms, councilService: council, sessionService: session, documentsService: docs },
) => {
  const auth = { preHandler: app.authenticate };
  const doc = (summary: string) => ({ tags, security, summary });
  const byNomination = { params: nominationParamsSchema };

  app.get(
    '/award-nominations/mine',
    { ...auth, schema: { ...doc('My nominations (made by me or my organisation, or naming me)'), response: { 200: myNominationsSchema } } },
    async (r) => noms.mine(contextOf(r)),
  );
  app.get(
    '/award-nominations/:nominationId/documents',
    {
      ...auth,
      schema: { ...doc('The nomination dossier, every version'), ...byNomination, response: { 200: nominationDocumentListSchema } },
    },
    async (r) => docs.list(contextOf(r), r.params.nominationId),
  );
  app.post(
    '/award-nominations/:nominationId/documents',
    {
      ...auth,
      schema: {
        ...doc('Add a document (multipart field `file`; PDF, DOCX, XLSX, JPEG, PNG; ≤ 20 MB; the same name adds a version)'),
        consumes: ['multipart/form-data'],
        ...byNomination,
        response: { 201: nominationDocumentSchema },
      },
    },
    async (r, reply) => {
      const { filename, bytes } = await readDocumentUpload(r, reply, awardsErrors.documentMissing);
      return reply.code(201).send(await docs.upload(contextOf(r), r.params.nominationId, { filename, bytes }));
    },
  );
  app.get(
    '/award-nominations/:nominationId/documents/:documentId',
    { ...auth, schema: { ...doc('Download one document version'), params: nominationParamsSchema.extend({ documentId: z.uuid() }) } },
    async (r, reply) => {
      const { doc: d, stream } = await docs.open(contextOf(r), r.params.nominationId, r.params.documentId);
      reply.header('content-type', d.mime);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(d.name)}`);
      reply.header('cache-control', 'no-store');
      return reply.send(stream);
    },
  );

  app.get(
    '/award-nominations/:nominationId',
    { ...auth, schema: { ...doc('A nomination'), ...byNomination, response: { 200: nominationSchema } } },
    async (r) => noms.get(contextOf(r), r.params.nominationId),
  );
  app.patch(
    '/award-nominations/:nominationId',
    {
      ...auth,
      schema: {
        ...doc('Edit a draft nomination: team, nominees, work (its nominator only; 409 once submitted)'),
        ...byNomination,
        body: updateNominationBodySchema,
        response: { 200: nominationSchema },
      },
    },
    async (r) => noms.update(contextOf(r), r.params.nominationId, r.body),
  );
  app.post(
    '/award-nominations/:nominationId/submit',
    { ...auth, schema: { ...doc('Submit a draft nomination'), ...byNomination, response: { 200: statusSchema } } },
    async (r) => noms.submit(contextOf(r), r.params.nominationId),
  );
  app.post(
    '/award-nominations/:nominationId/withdraw',
    { ...auth, schema: { ...doc('Withdraw a nomination'), ...byNomination, response: { 200: statusSchema } } },
    async (r) => noms.withdraw(contextOf(r), r.params.nominationId),
  );
  app.post(
    '/award-nominations/:nominationId/eligibility',
    {
      ...auth,
      schema: {
        ...doc('Eligible or not, with the reason (secretariat)'),
        ...byNomination,
        body: eligibilityBodySchema,
        response: { 200: statusSchema },
      },
    },
    async (r) => noms.decideEligibility(contextOf(r), r.params.nominationId, r.body),
  );
  app.get(
    '/award-nominations/:nominationId/reviewer-suggestions',
    {
      ...auth,
      schema: {
        ...doc('Independent reviewers from the registry, with conflict flags'),
        ...byNomination,
        response: { 200: reviewerSuggestionsSchema },
      },
    },
    async (r) => council.reviewerSuggestions(contextOf(r), r.params.nominationId),
  );
  app.post(
    '/award-nominations/:nominationId/recusal',
    {
      ...auth,
      schema: {
        ...doc('Declare my conflict of interest (recused from then on)'),
        ...byNomination,
        body: z.object({ reason: z.string().trim().min(1).max(2000) }),
        response: { 200: z.object({ nominationId: z.uuid(), phase: z.number(), recused: z.literal(true) }) },
      },
    },
    async (r) => council.declareConflict(contextOf(r), r.params.nominationId, r.body.reason),
  );
  app.get(
    '/award-nominations/:nominationId/score',
    { ...auth, schema: { ...doc('My review and criterion scores'), ...byNomination, response: { 200: myScoreSchema } } },
    async (r) => council.myScore(contextOf(r), r.params.nominationId),
  );
  app.put(
    '/award-nominations/:nominationId/score',
    {
      ...auth,
      schema: { ...doc('Save my review and criterion scores'), ...byNomination, body: scoreBodySchema, response: { 200: myScoreSchema } },
    },
    async (r) => council.saveScore(contextOf(r), r.params.nominationId, r.body),
  );
  app.get(
    '/award-nominations/:nominationId/scores',
    {
      ...auth,
      schema: {
        ...doc('All score sheets (chair, secretary, secretariat; not to recused members)'),
        ...byNomination,
        response: { 200: scoreSheetsSchema },
      },
    },
    async (r) => council.scores(contextOf(r), r.params.nominationId),
  );
  app.post(
    '/award-nominations/:nominationId/vote',
    {
      ...auth,
      schema: {
        ...doc('Cast my ballot (secret ballots are stored without the voter)'),
        ...byNomination,
        body: voteBodySchema,
        response: { 200: votedSchema },
      },
    },
    async (r) => council.vote(contextOf(r), r.params.nominationId, r.body.choice),
  );
  app.get(
    '/award-council/assignments',
    { ...auth, schema: { ...doc('My council seats and their nominations'), response: { 200: assignmentsSchema } } },
    async (r) => council.assignments(contextOf(r)),
  );
  app.get(
    '/awards/:id/rounds/:roundId/council',
    { ...auth, schema: { ...doc('Council members of a round'), params: roundParamsSchema, response: { 200: councilSchema } } },
    async (r) => council.council(contextOf(r), r.params.id, r.params.roundId),
  );
  app.post(
    '/awards/:id/rounds/:roundId/council',
    {
      ...auth,
      schema: {
        ...doc('Seat a council member (secretariat)'),
        params: roundParamsSchema,
        body: councilMemberBodySchema,
        response: { 201: councilMemberSchema },
      },
    },
    async (r, reply) => reply.code(201).send(await council.addMember(contextOf(r), r.params.id, r.params.roundId, r.body)),
  );
  app.post(
    '/awards/:id/rounds/:roundId/phases/:phase/start',
    {
      ...auth,
      schema: {
        ...doc('Start a phase: nominations enter it, conflicted members are recused'),
        params: phaseParamsSchema,
        response: { 200: closePhaseSchema },
      },
    },
    async (r) => council.startPhase(contextOf(r), r.params.id, r.params.roundId, r.params.phase),
  );
  app.get(
    '/awards/:id/rounds/:roundId/phases/:phase/console',
    {
      ...auth,
      schema: {
        ...doc("Secretary's console: attendance, quorum, tallies"),
        params: phaseParamsSchema,
        response: { 200: phaseConsoleSchema },
      },
    },
    async (r) => session.console(contextOf(r), r.params.id, r.params.roundId, r.params.phase),
  );
  app.put(
    '/awards/:id/rounds/:roundId/phases/:phase/attendance',
    {
      ...auth,
      schema: {
        ...doc('Record who attends the session'),
        params: phaseParamsSchema,
        body: attendanceBodySchema,
        response: { 200: phaseConsoleSchema },
      },
    },
    async (r) => session.attendance(contextOf(r), r.params.id, r.params.roundId, r.params.phase, r.body.presentMemberIds),
  );
  app.post(
    '/awards/:id/rounds/:roundId/phases/:phase/close',
    {
      ...auth,
      schema: {
        ...doc('Close the phase: each nomination passes or not under the council rules'),
        params: phaseParamsSchema,
        response: { 200: closePhaseSchema },
      },
    },
    async (r) => session.closePhase(contextOf(r), r.params.id, r.params.roundId, r.params.phase),
  );
  app.get(
    '/awards/:id/rounds/:roundId/phases/:phase/minutes.pdf',
    { ...auth, schema: { ...doc('Minutes (biên bản) of the session as PDF'), params: phaseParamsSchema } },
    async (r, reply) => {
      const pdf = await session.minutesPdf(contextOf(r), r.params.id, r.params.roundId, r.params.phase);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="bien-ban-vong-${r.params.phase}.pdf"`)
        .send(pdf);
    },
  );
  app.post(
    '/awards/:id/rounds/:roundId/decision',
    {
      ...auth,
      schema: {
        ...doc('Record the decision and the publication date (secretariat)'),
        params: roundParamsSchema,
        body: decisionBodySchema,
        response: { 200: z.object({ id: z.uuid(), status: z.literal('decided') }) },
      },
    },
    async (r) => session.decide(contextOf(r), r.params.id, r.params.roundId, r.body),
  );
};
