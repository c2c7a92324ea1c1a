import { STAFF_ROLES, type StaffRole } from '@vigie/contracts';
import { ACTIONS, canAccess, type Action } from './permissions';

describe('canAccess', () => {
  // The whole matrix the menus rely on, written out so that a change to a role's rights
  // shows up here in review.
  const expected: Record<StaffRole, Record<Action, boolean>> = {
    moderator: {
      'queue.view': true,
      'case.assign': false,
      'conversation.open': true,
      'audit.view': false,
      'retention.view': false,
      'retention.run': false,
      'legal_hold.manage': false,
      'decision.approve': false,
      'deliveries.view': false,
      'staff.manage': false,
    },
    lead: {
      'queue.view': true,
      'case.assign': true,
      'conversation.open': true,
      'audit.view': false,
      'retention.view': false,
      'retention.run': false,
      'legal_hold.manage': true,
      'decision.approve': true,
      'deliveries.view': true,
      'staff.manage': false,
    },
    dpo: {
      'queue.view': false,
      'case.assign': false,
      'conversation.open': false,
      'audit.view': true,
      'retention.view': true,
      'retention.run': true,
      'legal_hold.manage': true,
      'decision.approve': false,
      'deliveries.view': false,
      'staff.manage': false,
    },
    admin: {
      'queue.view': false,
      'case.assign': false,
      'conversation.open': false,
      'audit.view': false,
      'retention.view': true,
      'retention.run': true,
      'legal_hold.manage': false,
      'decision.approve': false,
      'deliveries.view': true,
      'staff.manage': true,
    },
  };

  const cases = STAFF_ROLES.flatMap((role) =>
    ACTIONS.map((action) => [role, action, expected[role][action]] as const),
  );

  it.each(cases)('%s → %s is %s', (role, action, allowed) => {
    expect(canAccess([role], action)).toBe(allowed);
  });

  it('never lets the DPO and an admin open a conversation, even together', () => {
    expect(canAccess(['dpo', 'admin'], 'conversation.open')).toBe(false);
    expect(canAccess(['dpo', 'admin'], 'queue.view')).toBe(false);
  });

  it('grants the union of combined roles', () => {
    expect(canAccess(['dpo', 'moderator'], 'conversation.open')).toBe(true);
    expect(canAccess(['dpo', 'moderator'], 'audit.view')).toBe(true);
    expect(canAccess(['dpo', 'moderator'], 'staff.manage')).toBe(false);
  });

  it('denies everything to a staff member without roles', () => {
    for (const action of ACTIONS) expect(canAccess([], action)).toBe(false);
  });

  it.each(['case.delete', '', 'toString', '__proto__', 'constructor'])(
    'denies the unknown action %p',
    (action) => {
      expect(canAccess([...STAFF_ROLES], action)).toBe(false);
    },
  );
});
