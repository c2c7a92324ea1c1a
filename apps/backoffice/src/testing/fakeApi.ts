import { HttpError } from 'react-admin';
import { setCsrfToken } from '../providers/httpClient';
import { createFetchMock } from './fakeFetch';

/**
 * The API faked over `fetch` for a whole spec file, with a CSRF token, and console.error kept
 * quiet about the HttpErrors the specs provoke on purpose (anything else is still logged).
 */
export const useFakeApi = (): ReturnType<typeof createFetchMock> => {
  const fetchMock = createFetchMock();
  const logError = console.error;

  beforeEach(() => {
    fetchMock.mockReset();
    global.fetch = fetchMock;
    setCsrfToken('csrf-1');
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (!(args[0] instanceof HttpError)) logError(...args);
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
    setCsrfToken(null);
  });

  return fetchMock;
};
