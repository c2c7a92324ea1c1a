import {
  type CreateParams,
  type DataProvider,
  type GetListParams,
  type GetManyParams,
  type GetManyReferenceParams,
  type GetOneParams,
  HttpError,
  type Identifier,
  type RaRecord,
  type UpdateManyParams,
  type UpdateParams,
} from 'react-admin';
import { isRecord, requestJson as call } from './api';
import { API_PREFIX } from './httpClient';

const isRaRecord = (value: unknown): value is RaRecord =>
  isRecord(value) && (typeof value.id === 'string' || typeof value.id === 'number');

const readRecord = (body: unknown, url: string): RaRecord => {
  if (isRaRecord(body)) return body;
  throw new Error(`Unexpected record from ${url}: no id`);
};

/**
 * Resources whose records the API keys by another field than `id`: react-admin needs an `id`,
 * so the list copies that key into one. The access register's and the staff journal's entries
 * are keyed by `sequence`.
 */
export const RECORD_KEYS: Readonly<Record<string, string>> = {
  'audit/access-log': 'sequence',
  'audit/staff-activity': 'sequence',
};

const withId = (item: unknown, key: string | undefined): unknown =>
  key !== undefined && isRecord(item) && item.id === undefined ? { ...item, id: item[key] } : item;

const readList = (body: unknown, url: string, key?: string): { data: RaRecord[]; total: number } => {
  if (isRecord(body) && Array.isArray(body.data) && typeof body.total === 'number') {
    return { data: body.data.map((item) => readRecord(withId(item, key), url)), total: body.total };
  }
  throw new Error(`Unexpected list from ${url}: expected { data, total }`);
};

/** Filters as query parameters: lists repeat their key, empty values are left out. */
export const appendFilters = (query: URLSearchParams, filter: Record<string, unknown> | undefined): void => {
  for (const [key, value] of Object.entries(filter ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item === undefined || item === null || item === '') continue;
      query.append(key, item instanceof Date ? item.toISOString() : String(item));
    }
  }
};

// Fields are JSON values (strings, booleans, arrays of roles): comparing their JSON is exact.
const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What a form changed: the fields of `data` that differ from `previousData`, never the id. */
export const changedFields = (
  data: Record<string, unknown>,
  previousData: Record<string, unknown> | undefined,
): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(data).filter(
      ([key, value]) =>
        key !== 'id' && value !== undefined && !(previousData && sameValue(value, previousData[key])),
    ),
  );

/** Vigie keeps history: records are disabled or closed, never deleted. */
const noDelete = (resource: string): Promise<never> =>
  Promise.reject(
    new HttpError('vigie.errors.no_delete', 405, {
      message: `The API deletes nothing: "${resource}" records are disabled or closed instead.`,
    }),
  );

/**
 * A react-admin dataProvider over the API's list contract: `GET /<resource>?page&perPage&sort&order`
 * answering `{ data, total }`, `GET /<resource>/:id`, `POST /<resource>`, `PATCH /<resource>/:id`.
 */
export const createDataProvider = (apiUrl: string = API_PREFIX): DataProvider => {
  const recordUrl = (resource: string, id: Identifier) =>
    `${apiUrl}/${resource}/${encodeURIComponent(String(id))}`;

  const getOne = async (resource: string, id: Identifier) => {
    const url = recordUrl(resource, id);
    return readRecord(await call(url), url);
  };

  const getList = async (resource: string, { pagination, sort, filter }: Partial<GetListParams>) => {
    const query = new URLSearchParams();
    if (pagination) {
      query.set('page', String(pagination.page));
      query.set('perPage', String(pagination.perPage));
    }
    if (sort?.field) {
      query.set('sort', sort.field);
      query.set('order', sort.order.toUpperCase() === 'ASC' ? 'ASC' : 'DESC');
    }
    appendFilters(query, filter);
    const search = query.toString();
    const url = `${apiUrl}/${resource}${search ? `?${search}` : ''}`;
    const key = Object.hasOwn(RECORD_KEYS, resource) ? RECORD_KEYS[resource] : undefined;
    return readList(await call(url), url, key);
  };

  const patch = async (resource: string, id: Identifier, changes: Record<string, unknown>) => {
    const url = recordUrl(resource, id);
    return readRecord(await call(url, { method: 'PATCH', body: JSON.stringify(changes) }), url);
  };

  // The API answers the record type the caller names: the casts to T below are that trust.
  return {
    getList: async <T extends RaRecord>(resource: string, params: GetListParams) => {
      const { data, total } = await getList(resource, params);
      return { data: data as T[], total };
    },

    getOne: async <T extends RaRecord>(resource: string, { id }: GetOneParams) => ({
      data: (await getOne(resource, id)) as T,
    }),

    // The API has no "many by ids" route; lists are paged small, so one GET each is fine.
    getMany: async <T extends RaRecord>(resource: string, { ids }: GetManyParams) => ({
      data: (await Promise.all(ids.map((id) => getOne(resource, id)))) as T[],
    }),

    getManyReference: async <T extends RaRecord>(
      resource: string,
      { target, id, pagination, sort, filter }: GetManyReferenceParams,
    ) => {
      const { data, total } = await getList(resource, {
        pagination,
        sort,
        filter: { ...filter, [target]: id },
      });
      return { data: data as T[], total };
    },

    create: async <T extends RaRecord>(resource: string, { data }: CreateParams) => {
      const url = `${apiUrl}/${resource}`;
      return { data: readRecord(await call(url, { method: 'POST', body: JSON.stringify(data) }), url) as T };
    },

    update: async <T extends RaRecord>(resource: string, { id, data, previousData }: UpdateParams) => {
      const changes = changedFields(data, previousData);
      // The API refuses an empty PATCH; saving an untouched form is not an error.
      if (Object.keys(changes).length === 0) return { data: { ...previousData, ...data, id } as T };
      return { data: (await patch(resource, id, changes)) as T };
    },

    updateMany: async (resource: string, { ids, data }: UpdateManyParams) => {
      const changes = changedFields(data, undefined);
      await Promise.all(ids.map((id) => patch(resource, id, changes)));
      return { data: ids };
    },

    delete: (resource: string) => noDelete(resource),
    deleteMany: (resource: string) => noDelete(resource),
  };
};

export const dataProvider = createDataProvider();
