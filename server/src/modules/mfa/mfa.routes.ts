import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../app/request-context.js';
import type { MfaPolicyService } from './mfa-policy.js';
import {
  mfaPolicySchema,
  mfaStatusSchema,
  recoveryCodesResponseSchema,
  regenerateCodesBodySchema,
  totpDisableBodySchema,
  totpEnableBodySchema,
  totpSetupResponseSchema,
} from './mfa.schemas.js';
import type { MfaService } from './mfa.service.js';

interface Options {
  mfaService: MfaService;
  mfaPolicy: MfaPolicyService;
  rateLimitPerMinute: number;
}

const security = [{ bearerAuth: [] }];

export const mfaRoutes: FastifyPluginAsyncZod<Options> = async (app, { mfaService, mfaPolicy, rateLimitPerMinute }) => {
  // Every route that checks a code is held to the sign-in rate: six digits must not be guessed.
  const rateLimit = { max: rateLimitPerMinute, timeWindow: '1 minute' };
  const noStore = { 'cache-control': 'no-store' };

  app.get(
    '/me/mfa',
    {
      preHandler: app.authenticate,
      schema: { tags: ['me'], summary: 'Whether two-step sign-in is on or required', security, response: { 200: mfaStatusSchema } },
    },
    async (request) => mfaService.status(contextOf(request)),
  );

  app.post(
    '/me/mfa/totp/setup',
    {
      preHandler: app.authenticate,
      config: { rateLimit },
      schema: {
        tags: ['me'],
        summary: 'A new TOTP secret and its otpauth:// URL (for the QR code)',
        security,
        response: { 200: totpSetupResponseSchema },
      },
    },
    async (request, reply) => reply.headers(noStore).send(await mfaService.setup(contextOf(request))),
  );

  app.post(
    '/me/mfa/totp/enable',
    {
      preHandler: app.authenticate,
      config: { rateLimit },
      schema: {
        tags: ['me'],
        summary: 'Turn TOTP on with a code from the app; answers the ten recovery codes, once',
        security,
        body: totpEnableBodySchema,
        response: { 200: recoveryCodesResponseSchema },
      },
    },
    async (request, reply) =>
      reply.headers(noStore).send({ recoveryCodes: await mfaService.enable(contextOf(request), request.body.code) }),
  );

  app.post(
    '/me/mfa/totp/disable',
    {
      preHandler: app.authenticate,
      config: { rateLimit },
      schema: {
        tags: ['me'],
        summary: 'Turn TOTP off (password and a code)',
        security,
        body: totpDisableBodySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await mfaService.disable(contextOf(request), request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/me/mfa/recovery-codes',
    {
      preHandler: app.authenticate,
      config: { rateLimit },
      schema: {
        tags: ['me'],
        summary: 'Replace the recovery codes (needs a code)',
        security,
        body: regenerateCodesBodySchema,
        response: { 200: recoveryCodesResponseSchema },
      },
    },
    async (request, reply) =>
      reply.headers(noStore).send({ recoveryCodes: await mfaService.regenerateRecoveryCodes(contextOf(request), request.body.code) }),
  );

  app.get(
    '/admin/settings/mfa',
    {
      preHandler: app.requireRole('admin'),
      schema: { tags: ['admin'], summary: 'Staff roles that must use two-step sign-in', security, response: { 200: mfaPolicySchema } },
    },
    async () => mfaPolicy.read(),
  );

  app.put(
    '/admin/settings/mfa',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Require two-step sign-in for staff roles (admins always need it)',
        security,
        body: mfaPolicySchema,
        response: { 200: mfaPolicySchema },
      },
    },
    async (request) => mfaPolicy.update(contextOf(request), request.body),
  );

  app.post(
    '/admin/users/:id/mfa/reset',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Turn off the second factor of someone who lost it (they set it up again)',
        security,
        params: z.strictObject({ id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await mfaService.resetFor(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
