import { ACTIONS, canAccess, rolesFor } from './permissions';
import { isAllowedRoleSet, STAFF_ROLES } from './staff';

describe('canAccess', () => {
  it.each([
    [['moderator'], 'queue.view', true],
    [['lead'], 'case.assign', true],
    [['moderator'], 'case.assign', false],
    [['moderator'], 'conversation.open', true],
    [['dpo'], 'conversation.open', false],
    [['admin'], 'conversation.open', false],
    [['dpo', 'admin'], 'conversation.open', false],
    [['dpo'], 'register.view', true],
    [['admin'], 'register.view', false],
    [['admin'], 'staff.manage', true],
    // A set that may not be combined acts with its audit or admin role only.
    [['lead', 'dpo'], 'conversation.open', false],
    [['lead', 'dpo'], 'register.view', true],
    [['lead', 'moderator'], 'conversation.open', true],
    [['lead'], 'decision.approve', true],
    [['moderator'], 'decision.approve', false],
    [['lead'], 'deliveries.view', true],
    [['admin'], 'deliveries.view', true],
    [['moderator'], 'deliveries.view', false],
    [['dpo'], 'deliveries.view', false],
    [['dpo'], 'gate.ask', true],
    [['admin'], 'account.self', true],
    [['lead'], 'legal_hold.view', true],
    [['moderator'], 'legal_hold.view', false],
    [['admin'], 'register.view', false],
    [['moderator'], 'decision.take', true],
    [['dpo'], 'transparency.export', true],
    [['moderator'], 'no.such.action', false],
    [[], 'queue.view', false],
    // An account whose roles all wait for approval still has its own account, and is refused by the gate itself.
    [[], 'account.self', true],
    [[], 'gate.ask', true],
    [['moderator'], 'staff.approve_roles', false],
    [['lead'], 'staff.approve_roles', true],
    [['admin'], 'staff.approve_roles', true],
  ] as const)('%j may %s: %s', (roles, action, allowed) => {
    expect(canAccess(roles, action)).toBe(allowed);
  });

  it('allows exactly the role sets moderator, lead, lead+moderator, dpo and admin', () => {
    const sets = [[], ['moderator'], ['lead'], ['dpo'], ['admin'], ['lead', 'moderator'], ['moderator', 'lead'], ['dpo', 'moderator'], ['dpo', 'lead'], ['admin', 'lead'], ['admin', 'moderator'], ['dpo', 'admin'], ['lead', 'moderator', 'dpo']] as const;
    expect(sets.filter((set) => isAllowedRoleSet(set))).toEqual([['moderator'], ['lead'], ['dpo'], ['admin'], ['lead', 'moderator'], ['moderator', 'lead']]);
  });

  it('gives every action at least one role, and every role its own account', () => {
    for (const action of ACTIONS) expect(rolesFor(action).length).toBeGreaterThan(0);
    for (const role of STAFF_ROLES) expect(canAccess([role], 'account.self')).toBe(true);
  });
});
