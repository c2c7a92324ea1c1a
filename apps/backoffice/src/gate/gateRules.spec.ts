import type { CaseListItem } from '@vigie/contracts';
import { aCase, aMessage, aReport, INES, PAUL } from '../testing/caseFixtures';
import {
  draftProblems,
  excerpt,
  formatCountdown,
  gateVerdict,
  isDraftValid,
  isReported,
  localDeadline,
  threadOf,
} from './gateRules';

const ME = 'staff-camille';

describe('gate rules', () => {
  describe('who may ask for access', () => {
    const report = aReport();

    it("opens for the case's assignee and for any lead, never for another moderator", () => {
      const mine = aCase({ reports: [report], assignee: { id: ME, name: 'Camille' } });
      const theirs = aCase({ reports: [report], assignee: { id: 'staff-julien', name: 'Julien' } });
      const nobodys = aCase({ reports: [report] });
      expect(gateVerdict(mine, ME, ['moderator'])).toEqual({ open: true });
      expect(gateVerdict(theirs, ME, ['moderator'])).toEqual({ open: false, block: 'assigned_elsewhere' });
      expect(gateVerdict(nobodys, ME, ['moderator'])).toEqual({ open: false, block: 'unassigned' });
      expect(gateVerdict(theirs, ME, ['lead'])).toEqual({ open: true });
      expect(gateVerdict(nobodys, ME, ['moderator', 'lead'])).toEqual({ open: true });
    });

    it('stays shut on a closed case, whoever asks', () => {
      const closed = aCase({ reports: [report], status: 'closed', assignee: { id: ME, name: 'Camille' } });
      expect(gateVerdict(closed, ME, ['lead'])).toEqual({ open: false, block: 'closed' });
      // Decided but not closed: the conversation may still need reading.
      expect(gateVerdict({ ...closed, status: 'actioned' }, ME, ['lead'])).toEqual({ open: true });
    });

    it('waits for the case details and the identity, and needs a report to rely on', () => {
      // The queue's row, which the page holds before the details arrive.
      const detail = aCase();
      const row: CaseListItem = {
        id: detail.id,
        status: detail.status,
        priority: detail.priority,
        categories: detail.categories,
        reportCount: detail.reportCount,
        reporterCount: detail.reporterCount,
        reportedUser: detail.reportedUser,
        assignee: detail.assignee,
        createdAt: detail.createdAt,
        lastActivityAt: detail.lastActivityAt,
        legalHold: detail.legalHold,
        appealOfDecisionId: detail.appealOfDecisionId,
        version: detail.version,
      };
      expect(gateVerdict(row, ME, ['lead'])).toEqual({ open: false, block: 'loading' });
      expect(gateVerdict(aCase({ reports: [report] }), undefined, ['lead'])).toEqual({
        open: false,
        block: 'loading',
      });
      expect(gateVerdict(aCase({ reports: [report] }), ME, undefined)).toEqual({
        open: false,
        block: 'loading',
      });
      expect(gateVerdict(aCase({ reports: [] }), ME, ['lead'])).toEqual({ open: false, block: 'no_reports' });
    });
  });

  it('checks a request as the gate does: a report, and 15 characters once trimmed', () => {
    expect(draftProblems({ reportIds: [], justification: '' })).toEqual({
      noReport: true,
      missingCharacters: 15,
    });
    const padded = `   ${'a'.repeat(14)}   `;
    expect(draftProblems({ reportIds: ['r'], justification: padded })).toEqual({
      noReport: false,
      missingCharacters: 1,
    });
    expect(isDraftValid(draftProblems({ reportIds: ['r'], justification: padded }))).toBe(false);
    expect(isDraftValid(draftProblems({ reportIds: ['r'], justification: 'a'.repeat(15) }))).toBe(true);
  });

  it('counts down in mm:ss, rounding up so 00:00 means over', () => {
    expect(formatCountdown(15 * 60_000)).toBe('15:00');
    expect(formatCountdown(119_001)).toBe('02:00');
    expect(formatCountdown(61_000)).toBe('01:01');
    expect(formatCountdown(1)).toBe('00:01');
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(-5_000)).toBe('00:00');
  });

  it("ends a grant on this browser's clock, correcting its skew from the server's Date", () => {
    const expiresAt = '2026-11-26T10:15:00.000Z';
    const serverNow = 'Thu, 26 Nov 2026 10:00:00 GMT';
    // This clock is 5 minutes behind the server: the grant ends at 10:10 here.
    const behind = Date.parse('2026-11-26T09:55:00.000Z');
    expect(new Date(localDeadline(expiresAt, serverNow, behind)).toISOString()).toBe(
      '2026-11-26T10:10:00.000Z',
    );
    expect(localDeadline(expiresAt, null, behind)).toBe(Date.parse(expiresAt));
    expect(localDeadline(expiresAt, 'not a date', behind)).toBe(Date.parse(expiresAt));
  });

  it('lays out the thread: the reported person on their side, runs, days, and what was reported', () => {
    const report = aReport({ reportedMessageIds: ['m_2'] });
    const messages = [
      aMessage({ id: '1', externalId: 'm_1', authorId: INES.id, sentAt: '2026-11-25T18:00:00.000Z' }),
      aMessage({
        id: '2',
        externalId: 'm_2',
        authorId: PAUL.id,
        sentAt: '2026-11-25T18:01:00.000Z',
        reportIds: [report.id],
      }),
      aMessage({ id: '3', externalId: 'm_3', authorId: PAUL.id, sentAt: '2026-11-25T18:02:00.000Z' }),
      // Named by the platform's id: still Paul.
      aMessage({ id: '4', externalId: 'm_4', authorId: PAUL.externalId, sentAt: '2026-11-27T18:00:00.000Z' }),
      aMessage({ id: '5', externalId: 'm_5', authorId: 'someone-else', sentAt: '2026-11-27T18:01:00.000Z' }),
    ];
    const thread = threadOf(messages, [INES, PAUL], [report]);
    expect(thread.map((item) => item.side)).toEqual(['other', 'reported', 'reported', 'reported', 'other']);
    expect(thread.map((item) => item.startsRun)).toEqual([true, true, false, true, true]);
    expect(thread.map((item) => item.startsDay)).toEqual([true, false, false, true, false]);
    expect(thread.map(isReported)).toEqual([false, true, false, false, false]);
    expect(thread[1].reports).toEqual([report]);
    expect(thread[3].author).toBe(PAUL);
    expect(thread[4].author).toBeUndefined();
  });

  it('cuts long comments to an excerpt on one line', () => {
    expect(excerpt('Court.')).toBe('Court.');
    expect(excerpt('Une\nphrase   sur\tdeux lignes')).toBe('Une phrase sur deux lignes');
    const cut = excerpt('x'.repeat(300), 140);
    expect(cut).toHaveLength(140);
    expect(cut.endsWith('…')).toBe(true);
  });
});
