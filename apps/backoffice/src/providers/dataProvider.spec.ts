import type { StaffAccount } from '@vigie/contracts';
import { HttpError } from 'react-admin';
import { appendFilters, changedFields, createDataProvider } from './dataProvider';
import { setCsrfToken } from './httpClient';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';


const fetchMock = createFetchMock();
const urlOf = (call: number): string => String(fetchMock.mock.calls[call][0]);
const initOf = (call: number): RequestInit => fetchMock.mock.calls[call][1] ?? {};
const bodyOf = (call: number): unknown => JSON.parse(String(initOf(call).body));

const camille: StaffAccount = {
  id: '0b5e4a52-6f0e-4a55-9a3b-2d3f7c1e9a10',
  email: 'camille@vigie.test',
  name: 'Camille Martin',
  roles: ['moderator'],
  pendingRoles: [],
  disabled: false,
  mfaEnabled: false,
  lastLoginAt: null,
  createdAt: '2026-01-05T09:00:00.000Z',
};

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  setCsrfToken('csrf-1');
});

describe('dataProvider', () => {
  const dataProvider = createDataProvider('/api/v1');

  it('asks a list page by page, sorted, with its filters as query parameters', async () => {
    fetchMock.mockResolvedValue(jsonReply(200, { data: [camille], total: 31 }));

    const result = await dataProvider.getList('staff', {
      pagination: { page: 2, perPage: 10 },
      sort: { field: 'lastLoginAt', order: 'DESC' },
      filter: { status: ['open', 'in_review'], q: 'martin', empty: '', none: undefined },
    });

    const url = new URL(urlOf(0), 'http://vigie.test');
    expect(url.pathname).toBe('/api/v1/staff');
    expect(url.searchParams.get('page')).toBe('2');
    expect(url.searchParams.get('perPage')).toBe('10');
    expect(url.searchParams.get('sort')).toBe('lastLoginAt');
    expect(url.searchParams.get('order')).toBe('DESC');
    expect(url.searchParams.getAll('status')).toEqual(['open', 'in_review']);
    expect(url.searchParams.get('q')).toBe('martin');
    expect(url.searchParams.has('empty')).toBe(false);
    expect(url.searchParams.has('none')).toBe(false);
    expect(result).toEqual({ data: [camille], total: 31 });
  });

  it('refuses a list answer that is not { data, total }', async () => {
    fetchMock.mockResolvedValue(jsonReply(200, [camille]));

    await expect(
      dataProvider.getList('staff', {
        pagination: { page: 1, perPage: 10 },
        sort: { field: 'name', order: 'ASC' },
        filter: {},
      }),
    ).rejects.toThrow(/expected \{ data, total \}/);
  });

  it('reads one record, its id escaped in the path', async () => {
    fetchMock.mockResolvedValue(jsonReply(200, camille));

    await expect(dataProvider.getOne('staff', { id: 'a/b' })).resolves.toEqual({ data: camille });
    expect(urlOf(0)).toBe('/api/v1/staff/a%2Fb');
  });

  it('reads many records one GET each', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonReply(200, camille))
      .mockResolvedValueOnce(jsonReply(200, { ...camille, id: 'second' }));

    const { data } = await dataProvider.getMany('staff', { ids: [camille.id, 'second'] });

    expect(data.map((record) => record.id)).toEqual([camille.id, 'second']);
    expect([urlOf(0), urlOf(1)]).toEqual([`/api/v1/staff/${camille.id}`, '/api/v1/staff/second']);
  });

  it('creates with a POST of the data, the CSRF token attached', async () => {
    fetchMock.mockResolvedValue(jsonReply(201, camille));
    const data = {
      email: camille.email,
      name: camille.name,
      roles: ['moderator'],
      password: 'a long passphrase',
    };

    await expect(dataProvider.create('staff', { data })).resolves.toEqual({ data: camille });
    expect(urlOf(0)).toBe('/api/v1/staff');
    expect(initOf(0).method).toBe('POST');
    expect(bodyOf(0)).toEqual(data);
    expect(new Headers(initOf(0).headers).get('X-CSRF-Token')).toBe('csrf-1');
  });

  it('updates with a PATCH of only the fields that changed', async () => {
    fetchMock.mockResolvedValue(jsonReply(200, { ...camille, roles: ['moderator', 'lead'], disabled: true }));

    await dataProvider.update('staff', {
      id: camille.id,
      data: { ...camille, roles: ['moderator', 'lead'], disabled: true },
      previousData: camille,
    });

    expect(urlOf(0)).toBe(`/api/v1/staff/${camille.id}`);
    expect(initOf(0).method).toBe('PATCH');
    expect(bodyOf(0)).toEqual({ roles: ['moderator', 'lead'], disabled: true });
  });

  it('saves an untouched form without calling the API, which refuses an empty PATCH', async () => {
    const result = await dataProvider.update('staff', {
      id: camille.id,
      data: { ...camille },
      previousData: camille,
    });

    expect(fetchMock).not.toHaveBeenCalled();
    expect(result.data).toEqual(camille);
  });

  it('never deletes: it says so instead of calling the API', async () => {
    const error: unknown = await dataProvider
      .delete('staff', { id: camille.id, previousData: camille })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 405, message: 'vigie.errors.no_delete' });
    await expect(dataProvider.deleteMany('staff', { ids: [camille.id] })).rejects.toBeInstanceOf(HttpError);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('rejects with the server errors on the inputs react-admin shows them on', async () => {
    fetchMock.mockResolvedValue(
      jsonReply(409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'An account with this e-mail address already exists.',
        details: { code: 'email_taken', fields: [{ field: 'email', message: 'is already used' }] },
      }),
    );

    const error: unknown = await dataProvider
      .create('staff', { data: { email: camille.email } })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      status: 409,
      message: 'vigie.errors.email_taken',
      body: { errors: { email: 'vigie.errors.fields.email_taken' } },
    });
  });
});

describe('changedFields', () => {
  it('compares arrays by value, ignores the id and what the form left undefined', () => {
    expect(
      changedFields(
        { id: 'x', name: 'Camille', roles: ['moderator'], disabled: true, note: undefined },
        { id: 'x', name: 'Camille', roles: ['moderator'], disabled: false, note: 'kept' },
      ),
    ).toEqual({ disabled: true });
  });

  it('keeps everything but the id without previous data', () => {
    expect(changedFields({ id: 'x', disabled: true }, undefined)).toEqual({ disabled: true });
  });
});

describe('appendFilters', () => {
  it('writes dates as ISO 8601', () => {
    const query = new URLSearchParams();
    appendFilters(query, { since: new Date('2026-02-01T00:00:00.000Z') });

    expect(query.toString()).toBe('since=2026-02-01T00%3A00%3A00.000Z');
  });
});
