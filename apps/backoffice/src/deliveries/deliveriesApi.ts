import type { Delivery } from '@vigie/contracts';
import { apiCall as call, isCount, isRecord } from '../providers/api';

export type DeliveryFilter = 'all' | 'pending' | 'delivered';
export const DELIVERY_FILTERS: readonly DeliveryFilter[] = ['all', 'pending', 'delivered'];

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const readAttempt = (value: unknown): Delivery['log'][number] | null =>
  isRecord(value) && typeof value.at === 'string'
    ? {
        at: value.at,
        statusCode: isCount(value.statusCode) ? value.statusCode : null,
        error: stringOrNull(value.error),
        durationMs: isCount(value.durationMs) ? value.durationMs : 0,
      }
    : null;

const readDelivery = (value: unknown): Delivery | null =>
  isRecord(value) &&
  isCount(value.id) &&
  typeof value.eventType === 'string' &&
  typeof value.caseId === 'string' &&
  typeof value.createdAt === 'string'
    ? {
        id: value.id,
        eventType: value.eventType,
        caseId: value.caseId,
        createdAt: value.createdAt,
        attempts: isCount(value.attempts) ? value.attempts : 0,
        nextAttemptAt: stringOrNull(value.nextAttemptAt),
        deliveredAt: stringOrNull(value.deliveredAt),
        lastStatus: isCount(value.lastStatus) ? value.lastStatus : null,
        lastError: stringOrNull(value.lastError),
        log: Array.isArray(value.log)
          ? value.log
              .map(readAttempt)
              .filter((attempt): attempt is Delivery['log'][number] => attempt !== null)
          : [],
      }
    : null;

/** What was sent to the platform, and whether it arrived: for leads and admins. */
export const deliveriesApi = {
  /** Newest first; `pending` keeps the undelivered ones, `delivered` the others. */
  async list(
    page: number,
    perPage: number,
    filter: DeliveryFilter,
  ): Promise<{ data: Delivery[]; total: number }> {
    const query = new URLSearchParams({ page: String(page), perPage: String(perPage) });
    if (filter !== 'all') query.set('pending', filter === 'pending' ? 'true' : 'false');
    const body = await call(`/deliveries?${query.toString()}`);
    if (isRecord(body) && Array.isArray(body.data)) {
      const data = body.data.map(readDelivery).filter((delivery): delivery is Delivery => delivery !== null);
      return { data, total: isCount(body.total) ? body.total : data.length };
    }
    throw new Error('Unexpected deliveries from the API');
  },

  /** Tries a pending delivery again now (202): the worker sends it in the background. */
  async retry(id: number): Promise<void> {
    await call(`/deliveries/${encodeURIComponent(String(id))}/retry`, { method: 'POST' });
  },
};

export type DeliveriesApi = typeof deliveriesApi;
