import { setCsrfToken } from '../providers/httpClient';
import { aCase } from '../testing/caseFixtures';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { casesApi, conflictOf, currentCaseOf } from './casesApi';

const fetchMock = createFetchMock();

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  setCsrfToken('csrf-1');
});

describe('casesApi', () => {
  it('claims with the version it read, and the CSRF token', async () => {
    const claimed = aCase({ assignee: { id: 's1', name: 'Camille Moreau' }, version: 4 });
    fetchMock.mockResolvedValue(jsonReply(200, claimed));

    await expect(casesApi.claim(claimed.id, 3)).resolves.toEqual(claimed);

    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe(`/api/v1/cases/${claimed.id}/claim`);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ version: 3 });
    expect(new Headers(init?.headers).get('X-CSRF-Token')).toBe('csrf-1');
  });

  it('assigns, or unassigns with a null assignee', async () => {
    fetchMock.mockResolvedValue(jsonReply(200, aCase()));
    await casesApi.assign('c1', null, 2);
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toEqual({ assigneeId: null, version: 2 });
  });

  it('says a colleague took the case first, with the case as it is now', async () => {
    const current = aCase({ assignee: { id: 's2', name: 'Julien Lefèvre' } });
    fetchMock.mockResolvedValue(
      jsonReply(409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'Someone else took this case first.',
        details: { code: 'already_assigned', case: current },
      }),
    );

    const error = await casesApi.claim('c1', 3).catch((caught: unknown) => caught);

    expect(conflictOf(error)).toBe('already_assigned');
    expect(currentCaseOf(error)?.assignee?.name).toBe('Julien Lefèvre');
  });

  it('tells other refusals apart from conflicts', async () => {
    fetchMock.mockResolvedValue(jsonReply(403, { statusCode: 403, error: 'Forbidden', message: 'no' }));
    const error = await casesApi.assign('c1', 's1').catch((caught: unknown) => caught);
    expect(conflictOf(error)).toBeUndefined();
  });

  it('reads the assignees, roles it does not know left out', async () => {
    fetchMock.mockResolvedValue(
      jsonReply(200, {
        data: [{ id: 's1', name: 'Camille Moreau', roles: ['moderator', 'wizard'] }, { id: 2 }],
      }),
    );
    await expect(casesApi.assignees()).resolves.toEqual([
      { id: 's1', name: 'Camille Moreau', roles: ['moderator'] },
    ]);
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/cases/assignees');
  });
});
