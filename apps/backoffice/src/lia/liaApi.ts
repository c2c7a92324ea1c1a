import type { LiaOverview, LiaVersion, LiaVersionSummary } from '@vigie/contracts';
import { apiCall, apiPost, isCount, isRecord } from '../providers/api';

const readSummary = (value: unknown): LiaVersionSummary | null =>
  isRecord(value) && isCount(value.version) && typeof value.effectiveFrom === 'string' && typeof value.writtenAt === 'string'
    ? {
        version: value.version,
        effectiveFrom: value.effectiveFrom,
        writtenAt: value.writtenAt,
        writtenBy: isRecord(value.writtenBy) && typeof value.writtenBy.id === 'string'
          ? { id: value.writtenBy.id, name: typeof value.writtenBy.name === 'string' ? value.writtenBy.name : null }
          : null,
        digest: typeof value.digest === 'string' ? value.digest : '',
      }
    : null;

const readVersion = (value: unknown): LiaVersion => {
  const summary = readSummary(value);
  if (!summary || !isRecord(value) || typeof value.text !== 'string') throw new Error('Unexpected assessment from the API');
  return { ...summary, text: value.text };
};

/** The legitimate-interest assessment: the DPO's overview and publishing; the version in force, or one version, for all staff. */
export const liaApi = {
  async overview(): Promise<LiaOverview> {
    const body = await apiCall('/audit/lia');
    if (!isRecord(body) || !Array.isArray(body.history)) throw new Error('Unexpected assessment from the API');
    return {
      current: body.current ? readVersion(body.current) : null,
      history: body.history.map(readSummary).filter((v): v is LiaVersionSummary => v !== null),
    };
  },
  async current(): Promise<LiaVersion> {
    return readVersion(await apiCall('/lia/current'));
  },
  async version(version: number): Promise<LiaVersion> {
    return readVersion(await apiCall(`/lia/${version}`));
  },
  async publish(text: string, effectiveFrom?: string): Promise<LiaVersion> {
    return readVersion(await apiPost('/audit/lia', effectiveFrom ? { text, effectiveFrom } : { text }));
  },
};

export type LiaApi = typeof liaApi;

/**
 * When a version chosen by its day takes effect: today means now (a version never takes effect in
 * the past), a later day its midnight, local time.
 */
export function effectiveFromOfDay(day: string, now: Date = new Date()): string | undefined {
  const [y, m, d] = day.split('-').map(Number);
  const midnight = new Date(y, m - 1, d);
  return midnight.getTime() <= now.getTime() ? undefined : midnight.toISOString();
}

/** Today, as an `<input type="date">` value, local time. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
