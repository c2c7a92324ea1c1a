import { STAFF_ROLES, type StaffRole } from '@vigie/contracts';
import { ACTIONS, canAccess, type Action } from './permissions';

describe('canAccess', () => {
  // The whole matrix the menus rely on, written out so that a change to a role's rights
  // shows up here in review.
  const expected: Record<StaffRole, Record<Action, boolean>> = {
    moderator: {
      'queue.view': true,
      'case.view': true,
      'case.claim': true,
      'case.assign': false,
      'case.note': true,
      'case.metadata': false,
      'case.transition': true,
      'case.bulk': true,
      'conversation.open': true,
      'gate.ask': true,
      'decision.take': true,
      'decision.approve': false,
      'appeal.decide': true,
      'register.view': false,
      'register.export': false,
      'register.verify': false,
      'register.checkpoint': false,
      'journal.view': false,
      'subject.report': false,
      'subject.rights': false,
      'processing_record.view': false,
      'alerts.view': false,
      'alerts.resolve': false,
      'retention.view': false,
      'retention.run': false,
      'legal_hold.view': false,
      'legal_hold.manage': false,
      'legal_hold.reason': false,
      'transparency.export': false,
      'deliveries.view': false,
      'deliveries.retry': false,
      'staff.manage': false,
      'staff.approve_roles': false,
      'account.self': true,
      'lia.manage': false,
      'lia.view': true,
    },
    lead: {
      'queue.view': true,
      'case.view': true,
      'case.claim': true,
      'case.assign': true,
      'case.note': true,
      'case.metadata': false,
      'case.transition': true,
      'case.bulk': true,
      'conversation.open': true,
      'gate.ask': true,
      'decision.take': true,
      'decision.approve': true,
      'appeal.decide': true,
      'register.view': false,
      'register.export': false,
      'register.verify': false,
      'register.checkpoint': false,
      'journal.view': false,
      'subject.report': false,
      'subject.rights': false,
      'processing_record.view': false,
      'alerts.view': false,
      'alerts.resolve': false,
      'retention.view': false,
      'retention.run': false,
      'legal_hold.view': true,
      'legal_hold.manage': true,
      'legal_hold.reason': true,
      'transparency.export': true,
      'deliveries.view': true,
      'deliveries.retry': true,
      'staff.manage': false,
      'staff.approve_roles': true,
      'account.self': true,
      'lia.manage': false,
      'lia.view': true,
    },
    dpo: {
      'queue.view': false,
      'case.view': false,
      'case.claim': false,
      'case.assign': false,
      'case.note': false,
      'case.metadata': true,
      'case.transition': false,
      'case.bulk': false,
      'conversation.open': false,
      'gate.ask': true,
      'decision.take': false,
      'decision.approve': false,
      'appeal.decide': false,
      'register.view': true,
      'register.export': true,
      'register.verify': true,
      'register.checkpoint': true,
      'journal.view': true,
      'subject.report': true,
      'subject.rights': true,
      'processing_record.view': true,
      'alerts.view': true,
      'alerts.resolve': true,
      'retention.view': true,
      'retention.run': true,
      'legal_hold.view': true,
      'legal_hold.manage': true,
      'legal_hold.reason': true,
      'transparency.export': true,
      'deliveries.view': false,
      'deliveries.retry': false,
      'staff.manage': false,
      'staff.approve_roles': false,
      'account.self': true,
      'lia.manage': true,
      'lia.view': true,
    },
    admin: {
      'queue.view': false,
      'case.view': false,
      'case.claim': false,
      'case.assign': false,
      'case.note': false,
      'case.metadata': false,
      'case.transition': false,
      'case.bulk': false,
      'conversation.open': false,
      'gate.ask': true,
      'decision.take': false,
      'decision.approve': false,
      'appeal.decide': false,
      'register.view': false,
      'register.export': false,
      'register.verify': false,
      'register.checkpoint': false,
      'journal.view': false,
      'subject.report': false,
      'subject.rights': false,
      'processing_record.view': true,
      'alerts.view': false,
      'alerts.resolve': false,
      'retention.view': true,
      'retention.run': true,
      'legal_hold.view': true,
      'legal_hold.manage': false,
      'legal_hold.reason': false,
      'transparency.export': true,
      'deliveries.view': true,
      'deliveries.retry': true,
      'staff.manage': true,
      'staff.approve_roles': true,
      'account.self': true,
      'lia.manage': false,
      'lia.view': true,
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

  it('grants the union of roles that may be combined', () => {
    expect(canAccess(['lead', 'moderator'], 'decision.approve')).toBe(true);
    expect(canAccess(['lead', 'moderator'], 'conversation.open')).toBe(true);
  });

  it('keeps only the audit or admin role of a set that may not be combined', () => {
    expect(canAccess(['dpo', 'moderator'], 'conversation.open')).toBe(false);
    expect(canAccess(['dpo', 'moderator'], 'queue.view')).toBe(false);
    expect(canAccess(['dpo', 'moderator'], 'register.view')).toBe(true);
    expect(canAccess(['admin', 'lead'], 'conversation.open')).toBe(false);
    expect(canAccess(['admin', 'lead'], 'staff.manage')).toBe(true);
  });

  it('lets a staff member without approved roles only into their own account and the gate (which refuses)', () => {
    expect(ACTIONS.filter((action) => canAccess([], action))).toEqual(['gate.ask', 'account.self']);
  });

  it.each(['case.delete', '', 'toString', '__proto__', 'constructor'])(
    'denies the unknown action %p',
    (action) => {
      expect(canAccess([...STAFF_ROLES], action)).toBe(false);
    },
  );
});
