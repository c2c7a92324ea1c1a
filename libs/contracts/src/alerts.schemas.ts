import { z } from 'zod';
import { ALERT_RESOLUTIONS, ALERT_RULES, ALERT_SORT_FIELDS, ALERT_STATUSES } from './alerts';
import { problem } from './errors';
import { instant } from './fields.schemas';
import { listQuerySchema } from './list';

export const alertsQuerySchema = listQuerySchema(ALERT_SORT_FIELDS, 'openedAt', {
  status: z.enum(ALERT_STATUSES).optional(),
  rule: z.enum(ALERT_RULES).optional(),
  staffId: z.uuid({ message: 'must be a staff id' }).optional(),
});
export type AlertsQuery = z.output<typeof alertsQuerySchema>;

export const resolveAlertSchema = z.strictObject({
  status: z.enum(ALERT_RESOLUTIONS),
  note: z.string({ message: 'must be a text' }).trim().min(3, 'needs at least 3 characters').max(2000),
});
export type ResolveAlertRequest = z.output<typeof resolveAlertSchema>;

const DAY_MS = 86_400_000;
/** The longest period the per-staff view covers. */
export const ACCESS_ACTIVITY_MAX_DAYS = 366;

/** A period of the per-staff view; the last 30 days by default. */
export const accessActivityQuerySchema = z
  .strictObject({ from: instant.optional(), to: instant.optional() })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { ...problem('invalid_value', 'must be after from'), path: ['to'] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= ACCESS_ACTIVITY_MAX_DAYS * DAY_MS, {
    ...problem('too_big', `the period covers at most ${ACCESS_ACTIVITY_MAX_DAYS} days`),
    path: ['to'],
  });
export type AccessActivityQuery = z.output<typeof accessActivityQuerySchema>;
