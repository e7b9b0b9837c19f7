import type { Role } from '@hpen/db/enums';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { authErrors } from '../modules/auth/auth.errors.js';
import type { AccessTokenPayload, Actor, SessionsService } from '../modules/auth/sessions.service.js';
import type { MfaPolicyService } from '../modules/mfa/mfa-policy.js';
import { forbidden, unauthenticated } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Actor | null;
  }
  interface FastifyInstance {
    /** Requires a valid access token for a live session of an active account. */
    authenticate: preHandlerAsyncHookHandler;
    /** Like authenticate, but a request without a token is a visitor (auth = null). */
    identify: preHandlerAsyncHookHandler;
    /** Like identify, but an invalid or expired token also makes a visitor instead of a 401. */
    identifyLenient: preHandlerAsyncHookHandler;
    requireRole(...roles: Role[]): preHandlerAsyncHookHandler;
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessTokenPayload;
    user: AccessTokenPayload;
  }
}

/** What an account that still owes its second factor may reach: itself, to set one up. */
const OWN_ACCOUNT_ROUTES = ['/api/me/mfa', '/api/me/password', '/api/me/sessions', '/api/me/export', '/api/me/consents', '/api/auth/'];

async function resolve(request: FastifyRequest, sessionsService: SessionsService): Promise<Actor> {
  let payload: AccessTokenPayload;
  try {
    payload = await request.jwtVerify<AccessTokenPayload>();
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'FST_JWT_NO_AUTHORIZATION_IN_HEADER') throw unauthenticated();
    if (code === 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED') throw authErrors.tokenExpired();
    throw unauthenticated('Invalid access token');
  }
  return sessionsService.resolveActor(payload);
}

interface AuthPluginOptions {
  sessionsService: SessionsService;
  mfaPolicy: Pick<MfaPolicyService, 'isRequiredFor'>;
}

export const authPlugin = fp<AuthPluginOptions>(async (app: FastifyInstance, { sessionsService, mfaPolicy }) => {
  app.decorateRequest('auth', null);

  /**
   * Admins, and staff roles an admin listed, act for others: until their second factor is on they
   * may only reach their own account (to set it up) and sign-in routes.
   */
  const enforceMfa = async (request: FastifyRequest, actor: Actor): Promise<Actor> => {
    if (actor.mfaEnabled || !(await mfaPolicy.isRequiredFor(actor.role))) return actor;
    const route = request.routeOptions.url ?? '';
    if (route === '/api/me' || OWN_ACCOUNT_ROUTES.some((prefix) => route.startsWith(prefix))) return actor;
    throw authErrors.mfaRequired();
  };

  const authenticate = async (request: FastifyRequest) => {
    request.auth = await enforceMfa(request, await resolve(request, sessionsService));
  };
  app.decorate('authenticate', authenticate);

  app.decorate('identify', async (request: FastifyRequest) => {
    if (!request.headers.authorization) return;
    request.auth = await enforceMfa(request, await resolve(request, sessionsService));
  });

  app.decorate('identifyLenient', async (request: FastifyRequest) => {
    if (!request.headers.authorization) return;
    request.auth = await resolve(request, sessionsService).catch(() => null);
  });

  app.decorate('requireRole', (...roles: Role[]) => async (request: FastifyRequest, _reply: FastifyReply) => {
    await authenticate(request);
    if (!request.auth || !roles.includes(request.auth.role)) throw forbidden();
  });
});
