/**
 * The staff journal: who watches the watchers. One entry for every sign-in and account event,
 * and for every action of the DPO and admins. Never a password, a token, a code or a message body.
 */
export const STAFF_ACTIVITY_EVENTS = [
  // Sessions
  'login.succeeded',
  'login.failed',
  'login.locked',
  'logout',
  'step_up',
  'step_up.failed',
  // Passwords and MFA
  'password.changed',
  'password.reset',
  'password.link_issued',
  'password.link_used',
  'mfa.enrolled',
  'mfa.reset',
  'mfa.recovery_code_used',
  // Accounts and roles
  'staff.created',
  'staff.created_by_cli',
  'staff.roles_changed',
  'staff.roles_requested',
  'staff.roles_approved',
  'staff.roles_rejected',
  'staff.roles_suspended',
  'staff.role_requests_listed',
  'staff.renamed',
  'staff.disabled',
  'staff.enabled',
  'staff.listed',
  'staff.viewed',
  // Cases seen by the DPO, legal holds, retention
  'case.metadata_viewed',
  'legal_hold.placed',
  'legal_hold.lifted',
  'retention.run_started',
  'legal_hold.listed',
  'retention.policy_viewed',
  'retention.previewed',
  'retention.runs_viewed',
  // The register and the journal as the DPO reads them
  'register.viewed',
  'register.exported',
  'register.verified',
  'register.checkpoints_viewed',
  'register.checkpoint_signed',
  'journal.viewed',
  // A person's access report and the record of processing
  'subject.searched',
  'subject.report_generated',
  'processing_record.viewed',
  // Alerts on anomalous access
  'alerts.viewed',
  'alert.resolved',
  'staff.access_activity_viewed',
  // What leaves for the platform and the public
  'deliveries.viewed',
  'delivery.retried',
  'transparency.exported',
  // The legitimate-interest assessment (its version and date; never its text)
  'lia.published',
  // A person's other rights: erasure on request, restriction
  'subject.erasure_previewed',
  'subject.erased',
  'subject.restricted',
  'subject.restriction_lifted',
  // The journal's own retention: entries older than STAFF_JOURNAL_RETENTION lost their personal fields
  'journal.erased',
] as const;
export type StaffActivityEvent = (typeof STAFF_ACTIVITY_EVENTS)[number];

export const isStaffActivityEvent = (value: string): value is StaffActivityEvent =>
  (STAFF_ACTIVITY_EVENTS as readonly string[]).includes(value);

/** One entry of the staff journal, as the DPO reads it. Never a password, a token, a code or a body. */
export interface StaffActivityEntry {
  sequence: number;
  at: string;
  event: StaffActivityEvent;
  /** Who did it; null for a failed sign-in, the CLI, or the system. */
  actor: { id: string; name: string | null } | null;
  /** The account it concerns, when it concerns one. */
  subject: { id: string; name: string | null } | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
  hash: string;
}

export const STAFF_ACTIVITY_SORT_FIELDS = ['sequence'] as const;
