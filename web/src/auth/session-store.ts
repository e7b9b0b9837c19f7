import type { Me, SessionResponse } from '@hpen/server/contracts';

/**
 * The signed-in state lives outside React so the API client can read and replace the
 * access token without a render. The token is kept in memory only (never in storage):
 * a page reload gets a fresh one from the httpOnly refresh cookie.
 */
export type SessionStatus = 'loading' | 'anonymous' | 'authenticated';
export interface SessionState {
  status: SessionStatus;
  user: Me | null;
  /** True when a signed-in session ended without the user asking (refresh refused). */
  expired?: boolean;
}

/** A hint (not a secret) that a refresh cookie probably exists, to skip a doomed refresh. */
const hintKey = 'hpen-signed-in';

let state: SessionState = { status: 'loading', user: null };
let accessToken: string | null = null;
const listeners = new Set<() => void>();

function publish(next: SessionState) {
  state = next;
  for (const listener of listeners) listener();
}

export function subscribeSession(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSession(): SessionState {
  return state;
}

/** Calls back whenever a signed-in session ends (sign-out, failed refresh, another tab): caches drop what they hold. */
export function onSessionEnd(callback: () => void) {
  let wasSignedIn = state.status === 'authenticated';
  subscribeSession(() => {
    const signedIn = state.status === 'authenticated';
    if (wasSignedIn && !signedIn) callback();
    wasSignedIn = signedIn;
  });
}

export function getAccessToken(): string | null {
  return accessToken;
}

export function startSession(session: SessionResponse) {
  accessToken = session.accessToken;
  writeHint(true);
  publish({ status: 'authenticated', user: session.user });
}

/** Replaces the user after a profile change without touching the token. */
export function updateSessionUser(user: Me) {
  if (state.status === 'authenticated') publish({ status: 'authenticated', user });
}

export function endSession(reason: 'signed-out' | 'expired' = 'signed-out') {
  accessToken = null;
  writeHint(false);
  const expired = reason === 'expired' && state.status === 'authenticated';
  if (state.status !== 'anonymous' || expired) publish({ status: 'anonymous', user: null, expired });
}

/** Signed out for this page view only (e.g. the server was unreachable): keep the hint. */
export function showSignedOut() {
  accessToken = null;
  if (state.status !== 'anonymous') publish({ status: 'anonymous', user: null });
}

export function hasSessionHint(): boolean {
  try {
    return localStorage.getItem(hintKey) === '1';
  } catch {
    return true; // unknown: let the refresh call decide
  }
}

function writeHint(signedIn: boolean) {
  try {
    if (signedIn) localStorage.setItem(hintKey, '1');
    else localStorage.removeItem(hintKey);
  } catch {
    // Without storage we simply always try a refresh on load.
  }
}

/** Another tab signed out (the hint disappeared): this tab's token is about to be useless. */
export function watchOtherTabs() {
  window.addEventListener('storage', (event) => {
    if (event.key === hintKey && event.newValue === null && state.status === 'authenticated') {
      accessToken = null;
      publish({ status: 'anonymous', user: null });
    }
  });
}
