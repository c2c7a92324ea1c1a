import { Injectable } from '@nestjs/common';
import {
  APPEAL_WINDOW_MONTHS,
  type BulkAction,
  type BulkResult,
  type CaseDetail,
  type CaseNote,
  type CaseTransition,
  canTransition,
  CASE_TRANSITIONS,
  type Decision,
  type DecisionRequest,
  NOTE_EDIT_WINDOW_MINUTES,
  needsLeadApproval,
  type StaffRole,
  type StatementOfReasons,
  type UserHistory,
} from '@vigie/contracts';
import type { EntityManager } from 'typeorm';
import { type CaseRecord, CaseRecordRepository } from '../cases/case-record.repository';
import { CasesService } from '../cases/cases.service';
import { Clock } from '../common/clock';
import { DomainException, fieldProblems } from '../common/domain.exception';
import { OutboxRepository } from '../outbox/outbox.repository';
import { DecisionsRepository } from './decisions.repository';

export interface Caller {
  id: string;
  roles: readonly StaffRole[];
}

/**
 * Working a case to the end: decisions with their statement of reasons, four-eyes approval of
 * the heavy sanctions, notes, closing and reopening. A decision that takes effect writes the
 * platform's message to the outbox in the same transaction: it exists if and only if the
 * decision committed.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly decisions: DecisionsRepository,
    private readonly records: CaseRecordRepository,
    private readonly outbox: OutboxRepository,
    private readonly cases: CasesService,
    private readonly clock: Clock,
  ) {}

  async decide(caseId: string, caller: Caller, request: DecisionRequest): Promise<CaseDetail> {
    await this.decisions.transaction(async (m) => {
      const kase = await this.records.lockWorkable(m, caseId, caller, request.version);
      if (kase.appealOfDecisionId) throw new DomainException('appeal_case');
      if (kase.status !== 'in_review') throw new DomainException('case_not_in_review');
      if (kase.pendingDecisionId) throw new DomainException('decision_pending');
      if (request.action === 'content_removal') await this.assertSeen(m, caseId, caller, request.messageIds ?? []);
      const at = this.clock.now();
      const pending = needsLeadApproval(request.action, request.durationDays) && !caller.roles.includes('lead');
      const decisionId = await this.decisions.insertDecision(m, caseId, request, pending ? 'pending_approval' : 'effective', caller.id, at);
      if (pending) {
        await this.records.touch(m, caseId, at);
        await this.decisions.addEvent(m, caseId, 'decision_proposed', caller.id, at, { decisionId, action: request.action, durationDays: request.durationDays ?? null });
      } else {
        await this.takeEffect(m, caseId, decisionId, caller.id, at);
      }
    });
    return this.cases.view(caseId, caller);
  }

  /** A lead approves or rejects a moderator's proposal. */
  async review(caseId: string, decisionId: string, lead: Caller, approve: boolean, note: string | undefined): Promise<CaseDetail> {
    await this.decisions.transaction(async (m) => {
      const kase = await this.records.lock(m, caseId);
      if (!kase) throw notFound();
      if (kase.pendingDecisionId !== decisionId) throw new DomainException('no_pending_decision');
      const at = this.clock.now();
      await this.decisions.review(m, decisionId, approve ? 'effective' : 'rejected', lead.id, at, note ?? null);
      if (approve) {
        await this.takeEffect(m, caseId, decisionId, lead.id, at, 'decision_approved');
      } else {
        await this.records.touch(m, caseId, at);
        await this.decisions.addEvent(m, caseId, 'decision_rejected', lead.id, at, { decisionId, note: note ?? null });
      }
    });
    return this.cases.view(caseId, lead);
  }

  /**
   * A removal names messages its decider read: messages of this case's conversation that one of
   * their own grants on this case covered (expired or not). Anything else — another
   * conversation's message, one nobody opened, one only a colleague saw — is refused by id.
   */
  private async assertSeen(m: EntityManager, caseId: string, caller: Caller, messageIds: string[]): Promise<void> {
    const unseen = await this.decisions.messagesNotGranted(m, caseId, caller.id, messageIds);
    if (unseen.length === 0) return;
    throw new DomainException('invalid_body', {
      message: 'Invalid body: messageIds (only messages of this conversation that your access to it covered can be removed)',
      details: {
        ...fieldProblems({ field: 'messageIds', code: 'not_granted', message: 'only messages of this conversation that your access to it covered' }),
        messageIds: unseen,
      },
    });
  }

  /** The case moves on, the timeline says so, and the platform's message waits in the outbox. */
  private async takeEffect(m: EntityManager, caseId: string, decisionId: string, actorId: string, at: Date, event = 'decision'): Promise<void> {
    const decision = (await this.decisions.decision(m, decisionId)) as Decision;
    await this.records.setStatus(m, caseId, decision.action === 'no_violation' ? 'dismissed' : 'actioned', at, null);
    await this.decisions.addEvent(m, caseId, event, actorId, at, { decisionId, action: decision.action, durationDays: decision.durationDays });
    const facts = await this.decisions.platformFacts(m, caseId);
    const appealUntil = new Date(at);
    appealUntil.setUTCMonth(appealUntil.getUTCMonth() + APPEAL_WINDOW_MONTHS);
    await this.outbox.add(
      m,
      'decision.effective',
      caseId,
      {
        type: 'decision.effective',
        decisionId,
        caseId,
        decidedAt: at.toISOString(),
        conversationId: facts.conversationExternalId,
        apply: {
          action: decision.action,
          userIds: decision.action === 'no_violation' ? [] : facts.reportedExternalIds,
          durationDays: decision.durationDays,
          removeMessageIds: decision.action === 'content_removal' ? decision.messageIds : [],
        },
        statementOfReasons: { policyClause: decision.policyClause, ...decision.statement },
        notify: {
          reporters: { userIds: facts.reporterExternalIds, outcome: decision.action === 'no_violation' ? 'no_violation_found' : 'action_taken' },
          reportedUsers: decision.action === 'no_violation' ? null : { userIds: facts.reportedExternalIds, action: decision.action, appealUntil: appealUntil.toISOString() },
        },
      },
      at,
    );
  }

  async transition(caseId: string, caller: Caller, transition: CaseTransition, reason: string | undefined, version: number): Promise<CaseDetail> {
    await this.decisions.transaction(async (m) => {
      const kase = await this.records.lockCurrent(m, caseId, caller, version);
      if (!canTransition(caller.roles as StaffRole[], transition, kase.status)) {
        const allowedRoles = (CASE_TRANSITIONS[transition].roles as readonly StaffRole[]).some((r) => caller.roles.includes(r));
        if (!allowedRoles) throw new DomainException('role', { message: `Your roles do not allow: ${transition}.` });
        throw new DomainException('transition_not_allowed', { message: `A case that is ${kase.status} cannot be ${transition === 'close' ? 'closed' : 'reopened'}.` });
      }
      if (transition === 'close') this.records.assertAssigneeOrLead(kase, caller);
      if (transition === 'reopen') {
        if (!reason || reason.length < 10) {
          throw new DomainException('invalid_body', {
            message: 'Invalid body: reason (needs at least 10 characters to reopen)',
            details: fieldProblems({ field: 'reason', code: 'too_short', message: 'needs at least 10 characters to reopen' }),
          });
        }
        if (kase.status === 'closed' && !kase.appealOfDecisionId && (await this.decisions.otherOpenCase(m, caseId, kase.conversationId))) {
          throw new DomainException('conversation_has_open_case');
        }
      }
      const at = this.clock.now();
      const to = CASE_TRANSITIONS[transition].to;
      await this.records.setStatus(m, caseId, to, at, to === 'closed' ? 'resolved' : null);
      await this.decisions.addEvent(m, caseId, transition === 'close' ? 'closed' : 'reopened', caller.id, at, { from: kase.status, reason: reason ?? null });
    });
    return this.cases.view(caseId, caller);
  }

  /** Notes are written by the case's assignee and leads only. */
  async addNote(caseId: string, caller: Caller, text: string): Promise<CaseNote> {
    return this.decisions.transaction(async (m) => {
      await this.records.lockOwn(m, caseId, caller);
      const at = this.clock.now();
      const noteId = await this.decisions.insertNote(m, caseId, caller.id, text, at);
      await this.records.touch(m, caseId, at);
      await this.decisions.addEvent(m, caseId, 'note_added', caller.id, at, { noteId });
      return (await this.decisions.note(m, noteId)) as CaseNote;
    });
  }

  async editNote(caseId: string, noteId: string, caller: Caller, text: string): Promise<CaseNote> {
    return this.decisions.transaction(async (m) => {
      // Its author, still working the case: a note is not edited after the case went to someone else.
      await this.records.lockOwn(m, caseId, caller);
      const note = await this.decisions.note(m, noteId);
      if (!note || note.caseId !== caseId) throw new DomainException('note_not_found');
      if (note.author.id !== caller.id) throw new DomainException('not_author');
      const at = this.clock.now();
      if (at.getTime() > new Date(note.editableUntil).getTime()) {
        throw new DomainException('note_frozen', { message: `Notes can be edited for ${NOTE_EDIT_WINDOW_MINUTES} minutes; add a new note instead.` });
      }
      await this.decisions.editNote(m, noteId, text, at);
      return (await this.decisions.note(m, noteId)) as CaseNote;
    });
  }

  /**
   * One decision per case, each in its own transaction: a case that cannot be dismissed (taken
   * by someone else, already decided) is reported, the others go through.
   */
  async bulk(caller: Caller, request: BulkAction): Promise<BulkResult> {
    const results: BulkResult['results'] = [];
    for (const caseId of request.caseIds) {
      try {
        if (request.action === 'assign') {
          if (!caller.roles.includes('lead')) throw new DomainException('role', { message: 'Only leads assign cases.' });
          await this.cases.assign(caseId, request.assigneeId ?? null, caller);
        } else {
          await this.dismiss(caseId, caller, request);
        }
        results.push({ caseId, ok: true });
      } catch (error) {
        if (!(error instanceof DomainException)) throw error;
        results.push({ caseId, ok: false, code: error.code });
      }
    }
    const succeeded = results.filter((r) => r.ok).length;
    return { results, succeeded, failed: results.length - succeeded };
  }

  /** Bulk dismissal: an open, unassigned case is taken by the caller, then decided. */
  private async dismiss(caseId: string, caller: Caller, request: BulkAction): Promise<void> {
    await this.decisions.transaction(async (m) => {
      let kase = await this.records.lock(m, caseId);
      if (!kase) throw notFound();
      const at = this.clock.now();
      if (kase.status === 'open' && kase.assigneeId === null) {
        await this.records.take(m, caseId, caller.id, at);
        await this.decisions.addEvent(m, caseId, 'claimed', caller.id, at, { bulk: true });
        kase = (await this.records.lock(m, caseId)) as CaseRecord;
      }
      await this.records.lockWorkable(m, caseId, caller, kase.version);
      if (kase.appealOfDecisionId) throw new DomainException('appeal_case', { message: 'Appeals are decided one by one.' });
      if (kase.status !== 'in_review') throw new DomainException('case_not_in_review', { message: 'This case is not in review.' });
      if (kase.pendingDecisionId) throw new DomainException('decision_pending');
      const decisionId = await this.decisions.insertDecision(
        m,
        caseId,
        { action: 'no_violation', policyClause: request.policyClause as string, statement: request.statement as StatementOfReasons, durationDays: undefined, messageIds: [] },
        'effective',
        caller.id,
        at,
      );
      await this.takeEffect(m, caseId, decisionId, caller.id, at);
    });
  }

  history(caseId: string): Promise<UserHistory> {
    return this.decisions.history(caseId, this.clock.now());
  }

  pending() {
    return this.decisions.pending().then((data) => ({ data, total: data.length }));
  }
}

function notFound(): DomainException {
  return new DomainException('case_not_found');
}
