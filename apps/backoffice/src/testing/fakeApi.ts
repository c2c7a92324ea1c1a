import { setCsrfToken } from '../providers/httpClient';
import { createFetchMock } from './fakeFetch';

/** The API faked over `fetch` for a whole spec file, with a CSRF token for the mutations. */
export const useFakeApi = (): ReturnType<typeof createFetchMock> => {
  const fetchMock = createFetchMock();

  beforeEach(() => {
    fetchMock.mockReset();
    global.fetch = fetchMock;
    setCsrfToken('csrf-1');
  });

  afterEach(() => {
    jest.restoreAllMocks();
    setCsrfToken(null);
  });

  return fetchMock;
};
