import type { ApiErrorBody } from '@vigie/contracts';

export const API_PREFIX = '/api/v1';

const CSRF_STORAGE_KEY = 'vigie.csrfToken';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Memory is the source of truth; sessionStorage (per tab, cleared with the tab)
// only lets a reload send mutations before `GET /auth/me` hands out a fresh token.
let csrfToken: string | null | undefined;

const sessionStore = (): Storage | null => {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    // Some privacy settings throw on mere access.
    return null;
  }
};

export const getCsrfToken = (): string | null => {
  if (csrfToken === undefined) csrfToken = sessionStore()?.getItem(CSRF_STORAGE_KEY) ?? null;
  return csrfToken;
};

export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
  const store = sessionStore();
  if (token === null) store?.removeItem(CSRF_STORAGE_KEY);
  else store?.setItem(CSRF_STORAGE_KEY, token);
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isApiErrorBody = (value: unknown): value is ApiErrorBody =>
  isRecord(value) &&
  typeof value.statusCode === 'number' &&
  typeof value.error === 'string' &&
  typeof value.message === 'string';

/** A non-2xx answer of the API. `status` is what react-admin's `checkError` reads. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody | null;

  constructor(status: number, body: ApiErrorBody | null, fallbackMessage: string) {
    super(body?.message ?? fallbackMessage);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }

  /** `details.code` of the error body, when the API gave one. */
  get code(): string | undefined {
    const details = this.body?.details;
    return isRecord(details) && typeof details.code === 'string' ? details.code : undefined;
  }
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  json: unknown;
}

const parseJson = (text: string): unknown => {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/**
 * `fetch` for the API: same-origin cookies, JSON by default, the CSRF token on
 * every mutating request, and an `ApiError` for any non-2xx answer. The body is
 * returned as `unknown`: callers check its shape.
 */
export const fetchJson = async (url: string, init: RequestInit = {}): Promise<JsonResponse> => {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  const sendsJson = init.body != null && !(init.body instanceof FormData);
  if (sendsJson && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const token = getCsrfToken();
  if (!SAFE_METHODS.has(method) && token !== null) headers.set('X-CSRF-Token', token);

  const response = await fetch(url, { ...init, method, headers, credentials: 'same-origin' });
  const json = parseJson(await response.text());
  if (!response.ok) {
    throw new ApiError(response.status, isApiErrorBody(json) ? json : null, response.statusText);
  }
  return { status: response.status, headers: response.headers, json };
};
