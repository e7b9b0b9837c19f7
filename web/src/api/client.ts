import { getAccessToken } from '../auth/session-store';
import { networkError, toApiError } from './api-error';
import { refreshSession } from './refresh';

type QueryValue = string | number | boolean | null | undefined;

/** 401 codes that mean "your access token is stale", as opposed to e.g. a wrong current password. */
const staleTokenCodes = new Set(['auth.token_expired', 'auth.unauthenticated']);

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** false for the public auth endpoints: no bearer token, and a 401 is an answer, not an expiry. */
  auth?: boolean;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

async function send(url: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token && options.auth !== false) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw networkError(cause);
  }
}

/**
 * Calls the API and returns the parsed JSON (undefined for 204). An expired access token
 * is refreshed once and the request retried once; if the refresh fails the session ends
 * and the original error is thrown, so guarded pages fall back to sign-in.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const url = buildUrl(path, options.query);
  const token = getAccessToken();
  let response = await send(url, options, token);

  if (response.status === 401 && options.auth !== false) {
    const error = await toApiError(response);
    if (!staleTokenCodes.has(error.code)) throw error;
    // Another request may have refreshed while this one was in flight: reuse its token.
    const latest = getAccessToken();
    const fresh = latest && latest !== token ? latest : (await refreshSession())?.accessToken;
    if (!fresh) throw error;
    response = await send(url, options, fresh);
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
