import type { StaffRole } from './staff';

/**
 * What each role may do, written once for the API's menus and the UI's. Content access
 * (the queue, conversations) is for moderators and leads only: the DPO and admins audit and
 * administer, they never read conversations.
 */
const ALLOWED_ROLES = {
  'queue.view': ['moderator', 'lead'],
  'case.assign': ['lead'],
  'conversation.open': ['moderator', 'lead'],
  'audit.view': ['dpo'],
  'retention.view': ['dpo', 'admin'],
  'retention.run': ['dpo', 'admin'],
  'legal_hold.manage': ['lead', 'dpo'],
  // Four eyes: a moderator's heavy sanction waits for a lead.
  'decision.approve': ['lead'],
  // What was sent to the platform, and whether it arrived.
  'deliveries.view': ['lead', 'admin'],
  'staff.manage': ['admin'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Action = keyof typeof ALLOWED_ROLES;
export const ACTIONS = Object.keys(ALLOWED_ROLES) as Action[];

export const isAction = (value: string): value is Action => Object.hasOwn(ALLOWED_ROLES, value);

/** Whether any of `roles` allows `action`. Unknown actions are denied. */
export const canAccess = (roles: readonly StaffRole[], action: string): boolean =>
  isAction(action) && roles.some((role) => (ALLOWED_ROLES[action] as readonly StaffRole[]).includes(role));
