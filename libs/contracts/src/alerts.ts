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
  // System rules: about Vigie itself, not a member of staff (no staffId, no evidence).
  // A verification of the register (scheduled or asked for) found the chain broken.
  'register_broken',
  // A retention run failed or was interrupted.
  'retention_failed',
  // The scheduled checkpoint could not be signed.
  'checkpoint_failed',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

/** The rules about Vigie itself: their alerts name nobody. */
export const SYSTEM_ALERT_RULES = ['register_broken', 'retention_failed', 'checkpoint_failed'] as const satisfies readonly AlertRule[];
export type SystemAlertRule = (typeof SYSTEM_ALERT_RULES)[number];
export const isSystemAlertRule = (rule: AlertRule): rule is SystemAlertRule => (SYSTEM_ALERT_RULES as readonly AlertRule[]).includes(rule);

/** What a system alert says: ids and codes only (a run, a sequence, a problem, an error name), never personal data. */
export type AlertDetails = Record<string, string | number | boolean | null>;

export const ALERT_STATUSES = ['open', 'acknowledged', 'dismissed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
/** What the DPO may make of an open alert. */
export const ALERT_RESOLUTIONS = ['acknowledged', 'dismissed'] as const;
export type AlertResolution = (typeof ALERT_RESOLUTIONS)[number];

export interface StaffAlert {
  id: string;
  rule: AlertRule;
  /** Null for a system rule (the alert is about Vigie, not a person). */
  staffId: string | null;
  staffName: string | null;
  /** When the alert was raised. */
  openedAt: string;
  /** The time span of its evidence (first and last entry). */
  windowStart: string;
  windowEnd: string;
  status: AlertStatus;
  /** The register entries behind it, oldest first. */
  evidence: { sequences: number[] };
  /** A system alert's ids and codes; `{}` for a rule about staff. */
  details: AlertDetails;
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
  alert: Pick<StaffAlert, 'id' | 'rule' | 'staffId' | 'openedAt' | 'windowStart' | 'windowEnd' | 'evidence' | 'details'>;
}
