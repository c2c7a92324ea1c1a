import { createDataProvider } from '../providers/dataProvider';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { REGISTER_RESOURCE } from './registerApi';
import { anEntry } from '../testing/registerFixtures';

const fetchMock = createFetchMock();

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
});

describe('the register through the dataProvider', () => {
  it('reads /audit/access-log and keys each entry by its sequence', async () => {
    fetchMock.mockResolvedValue(jsonReply(200, { data: [anEntry(), anEntry({ sequence: 7 })], total: 2 }));

    const { data, total } = await createDataProvider().getList(REGISTER_RESOURCE, {
      pagination: { page: 2, perPage: 25 },
      sort: { field: 'sequence', order: 'ASC' },
      filter: { outcome: 'denied', staffId: '' },
    });

    expect(String(fetchMock.mock.calls[0][0])).toBe(
      '/api/v1/audit/access-log?page=2&perPage=25&sort=sequence&order=ASC&outcome=denied',
    );
    expect(data.map((entry) => entry.id)).toEqual([4512, 7]);
    expect(total).toBe(2);
  });
});
