/**
 * Alerts on anomalous access: rules the register's entries are checked against as they are
 * written. An alert names a member of staff, a rule, and the register entries behind it — by
 * sequence only, never a justification or a message.
 */
export const ALERT_RULES = [
  // More openings in a rolling hour than ALERT_OPENINGS_PER_HOUR, or than a multiple of one's own hourly median.
  'openings_per_hour',
  // The same justification (normalised) used again and again in a day.
  'repeated_justification',
  // Openings outside ALERT_WORKING_HOURS.
  'outside_working_hours',
  // Refusals in a short time (step-up requests excluded).
  'repeated_denials',
  // One platform user's conversations opened across several cases in a week.
  'same_person_across_cases',
  // The whole conversation asked for on most of one's openings.
  'widening',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

export const ALERT_STATUSES = ['open', 'acknowledged', 'dismissed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
/** What the DPO may make of an open alert. */
export const ALERT_RESOLUTIONS = ['acknowledged', 'dismissed'] as const;
export type AlertResolution = (typeof ALERT_RESOLUTIONS)[number];

export interface StaffAlert {
  id: string;
  rule: AlertRule;
  staffId: string;
  staffName: string | null;
  /** When the alert was raised. */
  openedAt: string;
  /** The time span of its evidence (first and last entry). */
  windowStart: string;
  windowEnd: string;
  status: AlertStatus;
  /** The register entries behind it, oldest first. */
  evidence: { sequences: number[] };
  note: string | null;
  resolvedAt: string | null;
  resolvedBy: { id: string; name: string | null } | null;
}

export const ALERT_SORT_FIELDS = ['openedAt'] as const;

/** The number the DPO's menu shows. */
export interface AlertSummary {
  open: number;
}

/** One day of one member of staff's use of the gate. */
export interface AccessActivityDay {
  /** YYYY-MM-DD (UTC). */
  day: string;
  openings: number;
  denials: number;
  /** Openings of the whole conversation. */
  widenings: number;
}

/** A member of staff's use of the gate over a period, with their alerts, for the DPO. */
export interface StaffAccessActivity {
  staff: { id: string; name: string; roles: string[] };
  from: string;
  to: string;
  days: AccessActivityDay[];
  alerts: StaffAlert[];
}

/** What ALERT_WEBHOOK_URL receives for each new alert (`X-Vigie-Event: alert.opened`). */
export interface AlertWebhookPayload {
  event: 'alert.opened';
  alert: Pick<StaffAlert, 'id' | 'rule' | 'staffId' | 'openedAt' | 'windowStart' | 'windowEnd' | 'evidence'>;
}
