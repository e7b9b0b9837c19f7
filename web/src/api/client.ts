import { getAccessToken } from '../auth/session-store';
import { networkError, toApiError } from './api-error';
import { refreshSession } from './refresh';

type QueryValue = string | number | boolean | null | undefined;

/** 401 codes that mean "your access token is stale", as opposed to e.g. a wrong current password. */
const staleTokenCodes = new Set(['auth.token_expired', 'auth.unauthenticated']);

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON; a FormData body goes as multipart/form-data (file uploads). */
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** false for the public auth endpoints: no bearer token, and a 401 is an answer, not an expiry. */
  auth?: boolean;
  /** Cancels the request (a search nobody waits for any more). */
  signal?: AbortSignal | undefined;
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
  const form = options.body instanceof FormData;
  // The browser sets the multipart content type itself (with its boundary).
  if (options.body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (token && options.auth !== false) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : form ? (options.body as FormData) : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (cause) {
    throw networkError(cause);
  }
}

/**
 * Calls the API and returns the successful response (for files: read it as a blob). An
 * expired access token is refreshed once and the request retried once; if the refresh fails
 * the session ends and the original error is thrown, so guarded pages fall back to sign-in.
 */
export async function apiResponse(path: string, options: RequestOptions = {}): Promise<Response> {
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
  return response;
}

/** Calls the API (see apiResponse) and returns the parsed JSON (undefined for 204). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiResponse(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
