import { Injectable } from '@nestjs/common';
import { type AppealPayload, APPEAL_WINDOW_MONTHS, type CaseDetail, type StatementOfReasons, storableText } from '@vigie/contracts';
import { CaseRecordRepository } from '../cases/case-record.repository';
import { CasesService } from '../cases/cases.service';
import { Clock } from '../common/clock';
import { DomainException } from '../common/domain.exception';
import { DecisionsRepository } from '../decisions/decisions.repository';
import type { Caller } from '../decisions/decisions.service';
import { OutboxRepository } from '../outbox/outbox.repository';
import { AppealsRepository } from './appeals.repository';

/**
 * Appeals (DSA Art. 20): the platform forwards them within six months of a decision; each opens
 * a case of its own, reviewed by someone other than who took the decision, whose outcome goes
 * back to the platform through the outbox.
 */
@Injectable()
export class AppealsService {
  constructor(
    private readonly appeals: AppealsRepository,
    private readonly records: CaseRecordRepository,
    private readonly decisions: DecisionsRepository,
    private readonly outbox: OutboxRepository,
    private readonly cases: CasesService,
    private readonly clock: Clock,
  ) {}

  receive(payload: AppealPayload): Promise<{ appealId: string; caseId: string }> {
    return this.appeals.transaction(async (m) => {
      const existing = await this.appeals.findByExternalId(m, payload.externalId);
      if (existing) return existing;
      const decision = await this.appeals.decision(m, payload.decisionId);
      if (!decision || decision.state !== 'effective') {
        throw new DomainException('decision_not_appealable');
      }
      const submittedAt = new Date(payload.submittedAt);
      const closes = new Date(decision.decidedAt);
      closes.setUTCMonth(closes.getUTCMonth() + APPEAL_WINDOW_MONTHS);
      if (submittedAt.getTime() > closes.getTime()) {
        throw new DomainException('appeal_window_closed', {
          message: `Appeals are accepted within ${APPEAL_WINDOW_MONTHS} months of the decision.`,
          details: { closedAt: closes.toISOString() },
        });
      }
      const at = this.clock.now();
      const appellantId = await this.appeals.upsertUser(m, payload.appellant.externalId);
      const caseId = await this.records.openAppealCase(m, decision, at);
      // The appellant's words are evidence, as a report's: kept, with what PostgreSQL cannot store replaced.
      const appealId = await this.appeals.insertAppeal(m, { externalId: payload.externalId, decisionId: decision.id, caseId, appellantId, statement: storableText(payload.statement), submittedAt, receivedAt: at });
      await this.decisions.addEvent(m, caseId, 'appeal_opened', null, at, { appealId, decisionId: decision.id });
      await this.decisions.addEvent(m, decision.caseId, 'appealed', null, at, { appealId, appealCaseId: caseId, decisionId: decision.id });
      return { appealId, caseId };
    });
  }

  async decide(caseId: string, caller: Caller, outcome: 'upheld' | 'overturned', statement: StatementOfReasons, version: number): Promise<CaseDetail> {
    await this.appeals.transaction(async (m) => {
      // Workable by the caller (theirs or they lead, and they took no part in the appealed decision).
      const kase = await this.records.lockWorkable(m, caseId, caller, version);
      if (!kase.appealOfDecisionId) throw new DomainException('not_an_appeal');
      if (kase.status !== 'in_review') throw new DomainException('case_not_in_review', { message: 'Take the appeal (in review) before deciding.' });
      const original = (await this.decisions.decision(m, kase.appealOfDecisionId))!;
      const appeal = (await this.appeals.appealOfCase(m, caseId))!;
      const at = this.clock.now();
      const decisionId = await this.decisions.insertDecision(
        m,
        caseId,
        { action: outcome === 'upheld' ? 'appeal_upheld' : 'appeal_overturned', policyClause: original.policyClause, statement, durationDays: undefined, messageIds: [] },
        'effective',
        caller.id,
        at,
      );
      // Upheld: the appeal fails and the decision stands. Overturned: the platform undoes it.
      await this.records.setStatus(m, caseId, outcome === 'upheld' ? 'dismissed' : 'actioned', at, null);
      await this.decisions.addEvent(m, caseId, 'appeal_decided', caller.id, at, { decisionId, outcome });
      await this.outbox.add(
        m,
        'appeal.decided',
        caseId,
        {
          type: 'appeal.decided',
          appealId: appeal.externalId,
          decisionId: original.id,
          outcome,
          decidedAt: at.toISOString(),
          undo: outcome === 'overturned' ? { action: original.action, removeMessageIds: original.messageIds } : null,
          statementOfReasons: statement,
          notify: { appellant: { userId: appeal.appellantExternalId, outcome } },
        },
        at,
      );
    });
    return this.cases.view(caseId, caller);
  }
}
