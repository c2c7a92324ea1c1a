import { z } from 'zod';

/** Every list answers `{ data, total }`. */
export interface ListResponse<T> {
  data: T[];
  total: number;
}

export const MAX_PER_PAGE = 200;

/**
 * The query of a list endpoint: `page`, `perPage`, `sort`, `order` and the list's own filters.
 * Unknown sort fields and unknown filters are refused (400), never passed to SQL.
 */
export function listQuerySchema<const S extends readonly [string, ...string[]], F extends z.ZodRawShape>(
  sortFields: S,
  defaultSort: S[number],
  filters: F,
) {
  return z.strictObject({
    page: z.coerce.number().int().min(1).default(1),
    perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(25),
    sort: z.enum(sortFields).default(defaultSort),
    order: z
      .enum(['ASC', 'DESC', 'asc', 'desc'])
      .default('DESC')
      .transform((o) => o.toUpperCase() as 'ASC' | 'DESC'),
    ...filters,
  });
}
