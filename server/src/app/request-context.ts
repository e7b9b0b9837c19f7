import type { Role } from '@hpen/db/enums';
import type { FastifyRequest } from 'fastify';

/** Who is acting and from where: passed from routes into services for auditing. */
export interface RequestContext {
  actor: { userId: string; role: Role; organisationId: string | null; sessionId: string } | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export function contextOf(request: FastifyRequest): RequestContext {
  const ua = request.headers['user-agent'];
  return {
    actor: request.auth ?? null,
    ip: request.ip ?? null,
    userAgent: typeof ua === 'string' ? ua.slice(0, 400) : null,
    requestId: request.id,
  };
}

/** For work not started by an HTTP request (seed, scripts). */
export const systemContext: RequestContext = { actor: null, ip: null, userAgent: 'system', requestId: null };
