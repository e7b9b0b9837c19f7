import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../app/request-context.js';
import type { SessionsService } from '../auth/sessions.service.js';
import type { UsersService } from './users.service.js';
import {
  adminUserPageSchema,
  adminUserSchema,
  changePasswordBodySchema,
  inviteStaffBodySchema,
  listUsersQuerySchema,
  meSchema,
  sessionListSchema,
  updateMeBodySchema,
  updateUserBodySchema,
  userIdParamsSchema,
} from './users.schemas.js';

const security = [{ bearerAuth: [] }];

interface Options {
  usersService: UsersService;
  /** The account's devices (/me/sessions) belong to the sessions service. */
  sessionsService: Pick<SessionsService, 'listSessions' | 'revokeOtherSessions'>;
}

export const usersRoutes: FastifyPluginAsyncZod<Options> = async (app, { usersService, sessionsService }) => {
  app.get(
    '/me',
    { preHandler: app.authenticate, schema: { tags: ['me'], summary: 'The signed-in account', security, response: { 200: meSchema } } },
    async (request) => usersService.getMe(contextOf(request)),
  );

  app.patch(
    '/me',
    {
      preHandler: app.authenticate,
      schema: { tags: ['me'], summary: 'Change own name or language', security, body: updateMeBodySchema, response: { 200: meSchema } },
    },
    async (request) => usersService.updateMe(contextOf(request), request.body),
  );

  app.post(
    '/me/password',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['me'],
        summary: 'Change own password; other devices are signed out',
        security,
        body: changePasswordBodySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await usersService.changePassword(contextOf(request), request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me/sessions',
    {
      preHandler: app.authenticate,
      schema: { tags: ['me'], summary: 'Devices signed in to this account', security, response: { 200: sessionListSchema } },
    },
    async (request) => ({ items: await sessionsService.listSessions(contextOf(request)) }),
  );

  app.post(
    '/me/sessions/revoke-others',
    {
      preHandler: app.authenticate,
      schema: { tags: ['me'], summary: 'Sign out every other device', security, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await sessionsService.revokeOtherSessions(contextOf(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/admin/users',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'List and search accounts',
        security,
        querystring: listUsersQuerySchema,
        response: { 200: adminUserPageSchema },
      },
    },
    async (request) => {
      const { items, total } = await usersService.listUsers(request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    '/admin/users/invitations',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Invite a staff member by e-mail into an organisation with a role',
        security,
        body: inviteStaffBodySchema,
        response: { 201: adminUserSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await usersService.inviteStaff(contextOf(request), request.body)),
  );

  app.patch(
    '/admin/users/:id',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Change a role or organisation, disable or re-enable an account',
        security,
        params: userIdParamsSchema,
        body: updateUserBodySchema,
        response: { 200: adminUserSchema },
      },
    },
    async (request) => usersService.updateUser(contextOf(request), request.params.id, request.body),
  );
};
