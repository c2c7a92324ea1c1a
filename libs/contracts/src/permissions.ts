import { effectiveRoles, type StaffRole } from './staff';

const ALL_STAFF = ['moderator', 'lead', 'dpo', 'admin'] as const;

/**
 * What each role may do, written once: the API's global guard decides every route with it
 * (`@Requires(action)`), the UI builds its menus with it. Content access (the queue,
 * conversations) is for moderators and leads only: the DPO and admins audit and administer,
 * they never read conversations. Rules about one object (the assignee, the original decider)
 * stay with the services.
 */
const ALLOWED_ROLES = {
  'queue.view': ['moderator', 'lead'],
  'case.view': ['moderator', 'lead'],
  'case.claim': ['moderator', 'lead'],
  'case.assign': ['lead'],
  // Writing and reading notes: of those, only the case's assignee and leads (the service's rule).
  'case.note': ['moderator', 'lead'],
  // The DPO's view of a case: what happened and when, never what was said or written about it.
  'case.metadata': ['dpo'],
  // Close or reopen; which transition each role may make is CASE_TRANSITIONS' rule.
  'case.transition': ['moderator', 'lead'],
  // Bulk dismissal; bulk assignment is checked for leads case by case.
  'case.bulk': ['moderator', 'lead'],
  'conversation.open': ['moderator', 'lead'],
  // Knocking at the gate is open to all staff: the gate itself refuses with `conversation.open`,
  // so that the refusal is written to the register.
  'gate.ask': ALL_STAFF,
  'decision.take': ['moderator', 'lead'],
  // Four eyes: a moderator's heavy sanction waits for a lead.
  'decision.approve': ['lead'],
  'appeal.decide': ['moderator', 'lead'],
  'register.view': ['dpo'],
  'register.export': ['dpo'],
  'register.verify': ['dpo'],
  'register.checkpoint': ['dpo'],
  // The staff journal: who signed in, who changed which account, what the DPO and admins did.
  'journal.view': ['dpo'],
  // A person's access report (GDPR Art. 15): who read what concerning them, to hand to them.
  'subject.report': ['dpo'],
  // The record of processing (GDPR Art. 30), generated from the configuration: the DPO keeps it,
  // admins run the configuration it describes.
  'processing_record.view': ['dpo', 'admin'],
  // Alerts on anomalous access, and a member of staff's use of the gate over time.
  'alerts.view': ['dpo'],
  'alerts.resolve': ['dpo'],
  'retention.view': ['dpo', 'admin'],
  'retention.run': ['dpo', 'admin'],
  'legal_hold.view': ['lead', 'dpo', 'admin'],
  'legal_hold.manage': ['lead', 'dpo'],
  // Why a case is held: reasons may name people or proceedings; admins see that a case is held.
  'legal_hold.reason': ['lead', 'dpo'],
  'transparency.export': ['lead', 'dpo', 'admin'],
  // A person's other rights: early erasure (Art. 17), restriction of processing (Art. 18, 21).
  'subject.rights': ['dpo'],
  // What was sent to the platform, and whether it arrived.
  'deliveries.view': ['lead', 'admin'],
  'deliveries.retry': ['lead', 'admin'],
  'staff.manage': ['admin'],
  // Four eyes on roles: content roles are approved by a lead or another admin, dpo and admin by
  // another admin (ROLE_APPROVERS); the service refuses the requester and the account concerned.
  'staff.approve_roles': ['lead', 'admin'],
  // One's own session and account: profile, password, MFA enrolment, sign-out.
  'account.self': ALL_STAFF,
  // The legitimate-interest assessment: the DPO writes its versions; all staff read the one in force.
  'lia.manage': ['dpo'],
  'lia.view': ALL_STAFF,
} as const satisfies Record<string, readonly StaffRole[]>;

export type Action = keyof typeof ALLOWED_ROLES;
export const ACTIONS = Object.keys(ALLOWED_ROLES) as Action[];

export const isAction = (value: string): value is Action => Object.hasOwn(ALLOWED_ROLES, value);

/** The roles that allow `action`. */
export const rolesFor = (action: Action): readonly StaffRole[] => ALLOWED_ROLES[action];

// Open to every signed-in account, even one whose roles all wait for approval: its own account
// and sign-out, and knocking at the gate (which refuses, and records why).
const EVERY_ACCOUNT: readonly Action[] = ['account.self', 'gate.ask'];

/**
 * Whether any of `roles` allows `action`. Unknown actions are denied; an account holding a set of
 * roles that may not be combined acts with its non-content roles only (`effectiveRoles`).
 */
export const canAccess = (roles: readonly StaffRole[], action: string): boolean =>
  isAction(action) && (EVERY_ACCOUNT.includes(action) || effectiveRoles(roles).some((role) => rolesFor(action).includes(role)));
