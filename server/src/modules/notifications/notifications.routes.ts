import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../app/request-context.js';
import {
  markReadBodySchema,
  notificationListQuerySchema,
  notificationListSchema,
  notificationPreferencesSchema,
  unreadCountSchema,
} from './notifications.schemas.js';
import type { NotificationsService } from './notifications.service.js';

const security = [{ bearerAuth: [] }];
const tags = ['notifications'];

export const notificationsRoutes: FastifyPluginAsyncZod<{ notificationsService: NotificationsService }> = async (
  app,
  { notificationsService: s },
) => {
  const auth = { preHandler: app.authenticate };
  app.get(
    '/me/notifications',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'My notifications, newest first',
        querystring: notificationListQuerySchema,
        response: { 200: notificationListSchema },
      },
    },
    async (request) => s.list(contextOf(request), request.query),
  );
  app.get(
    '/me/notifications/unread-count',
    { ...auth, schema: { tags, security, summary: 'How many unread notifications I have', response: { 200: unreadCountSchema } } },
    async (request) => s.unreadCount(contextOf(request)),
  );
  app.post(
    '/me/notifications/read',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'Mark notifications read (all when no ids)',
        body: markReadBodySchema,
        response: { 200: unreadCountSchema },
      },
    },
    async (request) => s.markRead(contextOf(request), request.body.ids),
  );
  app.get(
    '/me/notification-preferences',
    { ...auth, schema: { tags, security, summary: 'My notification preferences', response: { 200: notificationPreferencesSchema } } },
    async (request) => s.preferences(contextOf(request)),
  );
  app.put(
    '/me/notification-preferences',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'Choose e-mail, daily digest, muted kinds',
        body: notificationPreferencesSchema,
        response: { 200: notificationPreferencesSchema },
      },
    },
    async (request) => s.savePreferences(contextOf(request), request.body),
  );
};
