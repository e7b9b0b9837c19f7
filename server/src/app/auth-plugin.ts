import type { Role } from '@hpen/db/enums';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { authErrors } from '../modules/auth/auth.errors.js';
import type { AccessTokenPayload, Actor, SessionsService } from '../modules/auth/sessions.service.js';
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

export const authPlugin = fp<{ sessionsService: SessionsService }>(async (app: FastifyInstance, { sessionsService }) => {
  app.decorateRequest('auth', null);

  const authenticate = async (request: FastifyRequest) => {
    request.auth = await resolve(request, sessionsService);
  };
  app.decorate('authenticate', authenticate);

  app.decorate('identify', async (request: FastifyRequest) => {
    if (!request.headers.authorization) return;
    request.auth = await resolve(request, sessionsService);
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
