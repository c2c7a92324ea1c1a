import { canAccess } from './permissions';

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
    [['moderator'], 'no.such.action', false],
    [[], 'queue.view', false],
  ] as const)('%j may %s: %s', (roles, action, allowed) => {
    expect(canAccess(roles, action)).toBe(allowed);
  });
});
