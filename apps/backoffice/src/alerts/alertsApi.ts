import {
  ALERT_RULES,
  ALERT_STATUSES,
  type AccessActivityDay,
  type AlertDetails,
  type AlertResolution,
  type AlertRule,
  type AlertStatus,
  type StaffAccessActivity,
  type StaffAlert,
} from '@vigie/contracts';
import { apiCall as call, apiPost, isCount, isRecord } from '../providers/api';

export const MIN_NOTE_LENGTH = 3;
export const MAX_NOTE_LENGTH = 2000;

export interface AlertFilters {
  status?: AlertStatus;
  rule?: AlertRule;
  staffId?: string;
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const isRule = (value: unknown): value is AlertRule => (ALERT_RULES as readonly unknown[]).includes(value);
const isStatus = (value: unknown): value is AlertStatus => (ALERT_STATUSES as readonly unknown[]).includes(value);

const readDetails = (value: Record<string, unknown>): AlertDetails =>
  Object.fromEntries(
    Object.entries(value).filter(([, v]) => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'),
  ) as AlertDetails;

export const readAlert = (value: unknown): StaffAlert | null => {
  if (!isRecord(value) || typeof value.id !== 'string' || !isRule(value.rule) || !isStatus(value.status)) return null;
  // A system alert names nobody.
  if ((typeof value.staffId !== 'string' && value.staffId !== null) || typeof value.openedAt !== 'string') return null;
  const evidence = isRecord(value.evidence) && Array.isArray(value.evidence.sequences) ? value.evidence.sequences.filter(isCount) : [];
  const resolvedBy =
    isRecord(value.resolvedBy) && typeof value.resolvedBy.id === 'string'
      ? { id: value.resolvedBy.id, name: stringOrNull(value.resolvedBy.name) }
      : null;
  return {
    id: value.id,
    rule: value.rule,
    staffId: value.staffId,
    staffName: stringOrNull(value.staffName),
    openedAt: value.openedAt,
    windowStart: stringOrNull(value.windowStart) ?? value.openedAt,
    windowEnd: stringOrNull(value.windowEnd) ?? value.openedAt,
    status: value.status,
    evidence: { sequences: evidence },
    details: isRecord(value.details) ? readDetails(value.details) : {},
    note: stringOrNull(value.note),
    resolvedAt: stringOrNull(value.resolvedAt),
    resolvedBy,
  };
};

const readDay = (value: unknown): AccessActivityDay | null =>
  isRecord(value) && typeof value.day === 'string'
    ? {
        day: value.day,
        openings: isCount(value.openings) ? value.openings : 0,
        denials: isCount(value.denials) ? value.denials : 0,
        widenings: isCount(value.widenings) ? value.widenings : 0,
      }
    : null;

/** Alerts on anomalous access and a member of staff's use of the gate: for the DPO. */
export const alertsApi = {
  /** Newest first. Reading the list is written to the staff journal. */
  async list(page: number, perPage: number, filters: AlertFilters): Promise<{ data: StaffAlert[]; total: number }> {
    const query = new URLSearchParams({ page: String(page), perPage: String(perPage) });
    for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
    const body = await call(`/audit/alerts?${query.toString()}`);
    if (isRecord(body) && Array.isArray(body.data)) {
      const data = body.data.map(readAlert).filter((alert): alert is StaffAlert => alert !== null);
      return { data, total: isCount(body.total) ? body.total : data.length };
    }
    throw new Error('Unexpected alerts from the API');
  },

  /** How many alerts are open (the menu's badge; not journaled). */
  async openCount(): Promise<number> {
    const body = await call('/audit/alerts/summary');
    if (isRecord(body) && isCount(body.open)) return body.open;
    throw new Error('Unexpected alert summary from the API');
  },

  async resolve(id: string, status: AlertResolution, note: string): Promise<StaffAlert> {
    const alert = readAlert(await apiPost(`/audit/alerts/${encodeURIComponent(id)}/resolve`, { status, note }));
    if (!alert) throw new Error('Unexpected alert from the API');
    return alert;
  },

  /** Per day of the period: openings, denials, widenings, and the person's alerts. */
  async activity(staffId: string, from: Date, to: Date): Promise<StaffAccessActivity> {
    const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
    const body = await call(`/audit/staff/${encodeURIComponent(staffId)}/activity?${query.toString()}`);
    if (!isRecord(body) || !isRecord(body.staff) || !Array.isArray(body.days) || !Array.isArray(body.alerts)) {
      throw new Error('Unexpected activity from the API');
    }
    const staff = body.staff;
    return {
      staff: {
        id: typeof staff.id === 'string' ? staff.id : staffId,
        name: typeof staff.name === 'string' ? staff.name : '',
        roles: Array.isArray(staff.roles) ? staff.roles.filter((role): role is string => typeof role === 'string') : [],
      },
      from: typeof body.from === 'string' ? body.from : from.toISOString(),
      to: typeof body.to === 'string' ? body.to : to.toISOString(),
      days: body.days.map(readDay).filter((day): day is AccessActivityDay => day !== null),
      alerts: body.alerts.map(readAlert).filter((alert): alert is StaffAlert => alert !== null),
    };
  },
};

export type AlertsApi = typeof alertsApi;
