import { HttpError } from 'react-admin';

/**
 * What to say about a failed call: the API's errors carry an i18n key (or, for a code we have
 * no words for, the API's own sentence); anything else (a network failure, an answer of the
 * wrong shape) says the service is away. Translate it with itself as the fallback: `{ _: key }`.
 */
export const errorMessageKey = (error: unknown): string =>
  error instanceof HttpError ? error.message : 'vigie.errors.unavailable';

/** The API's refusal to sign a checkpoint of a register that has no entry yet. */
export const isRegisterEmpty = (error: unknown): boolean =>
  error instanceof HttpError &&
  error.status === 409 &&
  typeof error.body === 'object' &&
  error.body !== null &&
  'details' in error.body &&
  typeof error.body.details === 'object' &&
  error.body.details !== null &&
  'code' in error.body.details &&
  error.body.details.code === 'register_empty';
