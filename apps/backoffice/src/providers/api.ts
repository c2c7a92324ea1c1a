import { HttpError } from 'react-admin';
import { API_PREFIX, fetchJson, type JsonResponse } from './httpClient';
import { toHttpError } from './serverErrors';

// The one way the screens call the API: same-origin cookies, the CSRF header on mutations
// (fetchJson), and failures as react-admin's HttpError — an i18n key as message, the status
// and `details` for the callers — like the dataProvider's own.

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** The whole answer of `path` (under `/api/v1`), for the calls that read its headers. */
export const apiResponse = (path: string, init?: RequestInit): Promise<JsonResponse> =>
  fetchJson(`${API_PREFIX}${path}`, init);

/** The body of the answer at `url`, unchecked: callers read its shape. */
export const requestJson = async (url: string, init?: RequestInit): Promise<unknown> => {
  try {
    return (await fetchJson(url, init)).json;
  } catch (error) {
    throw toHttpError(error);
  }
};

/** The body of `path`'s answer (under `/api/v1`). */
export const apiCall = (path: string, init?: RequestInit): Promise<unknown> =>
  requestJson(`${API_PREFIX}${path}`, init);

/** A POST with a JSON body (or none). */
export const apiPost = (path: string, body?: unknown): Promise<unknown> =>
  apiCall(path, body === undefined ? { method: 'POST' } : { method: 'POST', body: JSON.stringify(body) });

/** `details.code` of a refusal, when the API gave one. */
export const refusalCodeOf = (error: unknown): string | undefined => {
  if (!(error instanceof HttpError) || !isRecord(error.body)) return undefined;
  const { details } = error.body;
  return isRecord(details) && typeof details.code === 'string' ? details.code : undefined;
};
