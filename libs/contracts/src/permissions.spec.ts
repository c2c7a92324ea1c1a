import { ACTIONS, canAccess, rolesFor } from './permissions';
import { STAFF_ROLES } from './staff';

describe('canAccess', () => {
  it.each([
    [['moderator'], 'queue.view', true],
    [['lead'], 'case.assign', true],
    [['moderator'], 'case.assign', false],
    [['moderator'], 'conversation.open', true],
    [['dpo'], 'conversation.open', false],
    [['admin'], 'conversation.open', false],
    [['dpo', 'admin'], 'conversation.open', false],
    [['dpo'], 'audit.view', true],
    [['admin'], 'audit.view', false],
    [['admin'], 'staff.manage', true],
    [['lead', 'dpo'], 'conversation.open', true],
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
  ] as const)('%j may %s: %s', (roles, action, allowed) => {
    expect(canAccess(roles, action)).toBe(allowed);
  });

  it('gives every action at least one role, and every role its own account', () => {
    for (const action of ACTIONS) expect(rolesFor(action).length).toBeGreaterThan(0);
    for (const role of STAFF_ROLES) expect(canAccess([role], 'account.self')).toBe(true);
  });
});
