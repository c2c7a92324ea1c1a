import { HttpError } from 'react-admin';

/**
 * What to say about a failed call: the API's errors carry an i18n key (or, for a code we have
 * no words for, the API's own sentence); anything else (a network failure, an answer of the
 * wrong shape) says the service is away. Translate it with itself as the fallback: `{ _: key }`.
 */
export const errorMessageKey = (error: unknown): string =>
  error instanceof HttpError ? error.message : 'vigie.errors.unavailable';
