import { HttpError, type TranslateFunction } from 'react-admin';

/**
 * A failed call in words: the API's errors carry an i18n key (or the API's own sentence);
 * anything else (a network failure, an answer of the wrong shape) says the service is away.
 */
export const errorText = (error: unknown, translate: TranslateFunction): string =>
  error instanceof HttpError
    ? translate(error.message, { _: error.message })
    : translate('vigie.errors.unavailable');
