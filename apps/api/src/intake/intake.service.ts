import { Injectable, Logger } from '@nestjs/common';
import type { ActivityPayload, ReportAccepted, ValidReport } from '@vigie/contracts';
import { createHash } from 'node:crypto';
import { CaseRecordRepository } from '../cases/case-record.repository';
import { Clock } from '../common/clock';
import { DomainException, fieldProblems } from '../common/domain.exception';
import { IntakeRepository } from './intake.repository';

// A report dated further in the future than this is refused: the platform's clock is wrong.
const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * A report from the platform becomes data we can act on: its users, conversation and new
 * messages stored by their platform ids, the report joined to the conversation's open case (or
 * a new one), all in one transaction behind the idempotency key.
 */
@Injectable()
export class IntakeService {
  private readonly logger = new Logger('Intake');

  constructor(
    private readonly intake: IntakeRepository,
    private readonly records: CaseRecordRepository,
    private readonly clock: Clock,
  ) {}

  async receiveReport(idempotencyKey: string, rawBody: Buffer, report: ValidReport): Promise<ReportAccepted> {
    const now = this.clock.now();
    if (new Date(report.reportedAt).getTime() > now.getTime() + FUTURE_SKEW_MS) {
      throw new DomainException('invalid_body', {
        message: 'Invalid body: reportedAt (is in the future)',
        details: fieldProblems({ field: 'reportedAt', code: 'in_future', message: 'is in the future' }),
      });
    }
    const bodySha256 = createHash('sha256').update(rawBody).digest('hex');
    const result = await this.intake.transaction(async (m) => {
      const claim = await this.intake.claimKey(m, idempotencyKey, bodySha256, now);
      if (claim !== 'claimed') {
        if (claim.bodySha256 !== bodySha256) {
          throw new DomainException('idempotency_key_reused');
        }
        // Rebuilt in the documented key order (jsonb stores keys in its own order).
        return { answer: { reportId: claim.response.reportId, caseId: claim.response.caseId }, replay: true };
      }
      // The same report under a new key (a retry after a lost answer, say) is not stored twice.
      const existing = await this.intake.findReport(m, report.externalId);
      if (existing) {
        await this.intake.storeAnswer(m, idempotencyKey, 202, existing);
        return { answer: existing, replay: true };
      }

      const users = await this.intake.upsertUsers(m, report);
      const conversationId = await this.intake.upsertConversation(m, report.conversation.externalId, [...users.values()]);
      const messages = await this.intake.addMessages(m, conversationId, report.conversation.messages, users);
      const reportedAt = new Date(report.reportedAt);
      const activityAt = messages.latestSentAt && messages.latestSentAt > reportedAt ? messages.latestSentAt : reportedAt;
      // A case's age counts from the press of the report button, not from our receipt of it.
      const kase = await this.records.openForConversation(m, conversationId, activityAt, reportedAt);
      const reportId = await this.intake.insertReport(
        m,
        report,
        {
          caseId: kase.id,
          conversationId,
          reporterId: users.get(report.reporter.externalId) as string,
          reportedId: users.get(report.reported.externalId) as string,
        },
        now,
      );
      await this.records.refreshPriority(m, kase.id);
      await this.intake.addCaseEvent(m, kase.id, kase.created ? 'case_opened' : 'report_added', now, {
        reportId,
        category: report.category,
        newMessages: messages.added,
      });
      const answer = { reportId, caseId: kase.id };
      await this.intake.storeAnswer(m, idempotencyKey, 202, answer);
      return { answer, replay: false };
    });
    this.logger.log({ intake: 'report', caseId: result.answer.caseId, replay: result.replay }, 'Report received');
    return result.answer;
  }

  /** Platform activity signals: users' last activity, and the cases they take part in. */
  receiveActivity(payload: ActivityPayload): Promise<{ users: number; cases: number }> {
    return this.intake.transaction(async (m) => {
      const users = await this.intake.touchUsers(m, payload.events);
      const cases = await this.records.followUsersActivity(m, users);
      return { users: users.length, cases: cases.length };
    });
  }
}
