import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../app/request-context.js';
import type { AuthService } from './auth.service.js';
import {
  acceptInvitationBodySchema,
  emailBodySchema,
  okResponseSchema,
  passwordStrengthBodySchema,
  passwordStrengthResponseSchema,
  privacyNoticeSchema,
  resetPasswordBodySchema,
  sessionResponseSchema,
  signInBodySchema,
  signUpBodySchema,
  signUpResponseSchema,
  tokenBodySchema,
} from './auth.schemas.js';
import { mfaChallengeResponseSchema, mfaSignInBodySchema } from '../mfa/mfa.schemas.js';
import { estimatePasswordStrength } from './password-strength.js';
import { DEVICE_COOKIE, deviceCookieOptions } from './device-cookie.js';
import { REFRESH_COOKIE, refreshCookieOptions } from './refresh-cookie.js';
import type { IssuedSession, SessionsService } from './sessions.service.js';

interface Options {
  authService: AuthService;
  sessionsService: SessionsService;
  cookieSecure: boolean;
  authRateLimitPerMinute: number;
  /** The current notice version, as text (versioned data in the privacy module). */
  privacyNotice: () => Promise<{ version: string; vi: string; en: string }>;
}

export const authRoutes: FastifyPluginAsyncZod<Options> = async (app, options) => {
  const { authService, sessionsService } = options;
  const cookieOptions = refreshCookieOptions(options.cookieSecure);
  const rateLimit = { max: options.authRateLimitPerMinute, timeWindow: '1 minute' };

  const deviceOptions = deviceCookieOptions(options.cookieSecure);

  const sendSession = (reply: FastifyReply, issued: IssuedSession) => {
    reply.setCookie(REFRESH_COOKIE, issued.refreshToken, { ...cookieOptions, expires: issued.refreshExpiresAt });
    if (issued.deviceCookie) reply.setCookie(DEVICE_COOKIE, issued.deviceCookie, deviceOptions);
    reply.header('cache-control', 'no-store');
    return { accessToken: issued.accessToken, tokenType: 'Bearer' as const, expiresIn: issued.expiresIn, user: issued.user };
  };

  app.get(
    '/auth/privacy-notice',
    { schema: { tags: ['auth'], summary: 'The privacy notice a sign-up consents to', response: { 200: privacyNoticeSchema } } },
    async () => options.privacyNotice(),
  );

  app.post(
    '/auth/password-strength',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'How hard a password is to guess (0–4) and whether sign-up, reset or change would accept it',
        body: passwordStrengthBodySchema,
        response: { 200: passwordStrengthResponseSchema },
      },
    },
    async (request, reply) => {
      const { password, email, fullName } = request.body;
      const { score, acceptable } = estimatePasswordStrength(password, [email, fullName]);
      reply.header('cache-control', 'no-store');
      return { score, acceptable };
    },
  );

  app.post(
    '/auth/sign-up',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Register as an expert (consent to the privacy notice is required)',
        body: signUpBodySchema,
        response: { 201: signUpResponseSchema },
      },
    },
    async (request, reply) => {
      const user = await authService.signUp(contextOf(request), request.body);
      return reply.code(201).send({ user });
    },
  );

  app.post(
    '/auth/sign-in',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign in: access token in the body, refresh token as an httpOnly cookie; with TOTP on, a challenge for /auth/sign-in/mfa',
        body: signInBodySchema,
        response: { 200: z.union([sessionResponseSchema, mfaChallengeResponseSchema]) },
      },
    },
    async (request, reply) => {
      const result = await sessionsService.signIn(contextOf(request), request.body, request.cookies[DEVICE_COOKIE]);
      if ('mfaRequired' in result) {
        reply.header('cache-control', 'no-store');
        return result;
      }
      return sendSession(reply, result);
    },
  );

  app.post(
    '/auth/sign-in/mfa',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Second sign-in step: the mfaToken from /auth/sign-in and a TOTP or recovery code',
        body: mfaSignInBodySchema,
        response: { 200: sessionResponseSchema },
      },
    },
    async (request, reply) =>
      sendSession(reply, await sessionsService.completeMfaSignIn(contextOf(request), request.body, request.cookies[DEVICE_COOKIE])),
  );

  app.post(
    '/auth/refresh',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Rotate the refresh cookie and get a new access token; reuse revokes the session',
        response: { 200: sessionResponseSchema },
      },
    },
    async (request, reply) => {
      try {
        return sendSession(reply, await sessionsService.refresh(contextOf(request), request.cookies[REFRESH_COOKIE]));
      } catch (error) {
        reply.clearCookie(REFRESH_COOKIE, cookieOptions);
        throw error;
      }
    },
  );

  app.post(
    '/auth/sign-out',
    {
      // An expired access token must not stop anyone from signing out: the cookie names the session.
      preHandler: app.identifyLenient,
      schema: { tags: ['auth'], summary: 'Revoke this session and clear the cookie', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await sessionsService.signOut(contextOf(request), request.cookies[REFRESH_COOKIE]);
      reply.clearCookie(REFRESH_COOKIE, cookieOptions);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/verify-email',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Confirm an e-mail address with the e-mailed token',
        body: tokenBodySchema,
        response: { 200: okResponseSchema },
      },
    },
    async (request) => {
      await authService.verifyEmail(contextOf(request), request.body.token);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/resend-verification',
    {
      config: { rateLimit },
      schema: { tags: ['auth'], summary: 'Send the verification link again', body: emailBodySchema, response: { 202: okResponseSchema } },
    },
    async (request, reply) => {
      await authService.resendVerification(contextOf(request), request.body.email);
      return reply.code(202).send({ ok: true as const });
    },
  );

  app.post(
    '/auth/forgot-password',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'E-mail a password reset link (same answer whether or not the account exists)',
        body: emailBodySchema,
        response: { 202: okResponseSchema },
      },
    },
    async (request, reply) => {
      await authService.forgotPassword(contextOf(request), request.body.email);
      return reply.code(202).send({ ok: true as const });
    },
  );

  app.post(
    '/auth/reset-password',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with the e-mailed token',
        body: resetPasswordBodySchema,
        response: { 200: okResponseSchema },
      },
    },
    async (request) => {
      await authService.resetPassword(contextOf(request), request.body.token, request.body.password);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/accept-invitation',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Staff invited by an admin set their password',
        body: acceptInvitationBodySchema,
        response: { 200: okResponseSchema },
      },
    },
    async (request) => {
      await authService.acceptInvitation(contextOf(request), request.body);
      return { ok: true as const };
    },
  );
};
