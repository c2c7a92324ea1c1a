/** What `bulkActionSchema` accepts in one request. */
export const MAX_BULK_CASES = 200;
