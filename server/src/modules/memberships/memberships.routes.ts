import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../app/request-context.js';
import { idParamsSchema } from '../curation/curation.schemas.js';
import type { AssociationsService } from './associations.service.js';
import type { MemberList } from './member-list.js';
import * as s from './memberships.schemas.js';
import type { MembershipsService } from './memberships.service.js';

const security = [{ bearerAuth: [] }];

interface Options {
  associationsService: AssociationsService;
  membershipsService: MembershipsService;
  memberList: MemberList;
}

export const membershipsRoutes: FastifyPluginAsyncZod<Options> = async (app, o) => {
  const tags = ['curation'];

  // Associations: public list; the Union (and the association's curators) manage them.
  app.get(
    '/associations',
    { schema: { tags, summary: 'Associations of the Union with their member counts', response: { 200: s.associationListSchema } } },
    async () => ({
      items: await o.associationsService.listAssociations(),
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
    async (request, reply) => reply.code(201).send(await o.associationsService.createAssociation(contextOf(request), request.body)),
  );
  app.patch(
    '/associations/:id',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Rename an association',
        params: idParamsSchema,
        body: s.updateAssociationBodySchema,
        response: { 200: s.associationSchema },
      },
    },
    async (request) => o.associationsService.updateAssociation(contextOf(request), request.params.id, request.body),
  );
  app.delete(
    '/associations/:id',
    {
      preHandler: app.authenticate,
      schema: { tags, security, summary: 'Delete an association without members', params: idParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await o.associationsService.deleteAssociation(contextOf(request), request.params.id);
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
        params: idParamsSchema,
        querystring: s.membersQuerySchema,
        response: { 200: s.membersSchema },
      },
    },
    async (request) => o.memberList.members(contextOf(request), request.params.id, request.query),
  );
  app.get(
    '/associations/:id/members.csv',
    { preHandler: app.authenticate, schema: { tags, security, summary: 'Approved members as CSV', params: idParamsSchema } },
    async (request, reply) => {
      const { filename, csv } = await o.memberList.membersCsv(contextOf(request), request.params.id);
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
    '/me/memberships/:associationId/answer',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: "Accept or decline an association's invitation (a member-list import proposed it)",
        params: s.associationIdParamsSchema,
        body: s.proposalAnswerBodySchema,
        response: { 200: s.membershipSchema },
      },
    },
    async (request) => o.membershipsService.answerProposal(contextOf(request), request.params.associationId, request.body.answer),
  );
  app.post(
    '/curation/memberships/:id/decision',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Approve or reject (with a reason) an application',
        params: idParamsSchema,
        body: s.decisionBodySchema,
        response: { 200: s.membershipSchema },
      },
    },
    async (request) => o.membershipsService.decide(contextOf(request), request.params.id, request.body.decision, request.body.reason),
  );
};
