import type { SessionResponse } from '@hpen/server/contracts';
import { endSession, hasSessionHint, showSignedOut, startSession } from '../auth/session-store';
import { networkError, toApiError } from './api-error';

/**
 * Refresh tokens rotate and a reused one revokes the whole session, so two refreshes
 * must never race: one in-flight promise per tab, and a Web Lock across tabs (each
 * tab's request then carries the cookie the previous one rotated in).
 */
let inFlight: Promise<SessionResponse | null> | null = null;

export function refreshSession(): Promise<SessionResponse | null> {
  inFlight ??= withRefreshLock(postRefresh).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks?.request) return task(); // old browsers: the per-tab promise still holds
  return locks.request('hpen-refresh', task);
}

/** Resolves to null when the cookie is missing or rejected; network failures throw. */
async function postRefresh(): Promise<SessionResponse | null> {
  let response: Response;
  try {
    response = await fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin' });
  } catch (cause) {
    throw networkError(cause);
  }
  if (response.ok) {
    const session = (await response.json()) as SessionResponse;
    startSession(session);
    return session;
  }
  if (response.status === 401 || response.status === 403) {
    endSession('expired');
    return null;
  }
  throw await toApiError(response);
}

let restoring: Promise<void> | null = null;

/**
 * Called once at start-up, outside React, so StrictMode's doubled effects cannot start a
 * second refresh. Any failure leaves the visitor signed out.
 */
export function restoreSession(): Promise<void> {
  restoring ??= (async () => {
    if (!hasSessionHint()) {
      endSession();
      return;
    }
    try {
      await refreshSession();
    } catch {
      showSignedOut(); // server unreachable: the cookie may still be good next time
    }
  })();
  return restoring;
}
