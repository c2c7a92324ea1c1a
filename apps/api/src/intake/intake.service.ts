import { Injectable, Logger } from '@nestjs/common';
import {
  type ActivityAccepted,
  type ActivityPayload,
  type ActivityRefusal,
  type FieldProblem,
  FUTURE_SKEW_MS,
  type ReportAccepted,
  storableReport,
  type ValidReport,
} from '@vigie/contracts';
import { createHash } from 'node:crypto';
import { CaseRecordRepository } from '../cases/case-record.repository';
import { Clock } from '../common/clock';
import { DomainException, fieldProblems } from '../common/domain.exception';
import { IntakeRepository } from './intake.repository';

// A date further ahead than FUTURE_SKEW_MS would move a case's last activity into the future,
// out of retention's reach: the platform's clock is wrong, or someone is playing with it.
const inFuture = (field: string): FieldProblem => ({ field, code: 'in_future', message: 'is more than 5 minutes ahead of the server clock' });

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

  async receiveReport(idempotencyKey: string, rawBody: Buffer, received: ValidReport): Promise<ReportAccepted> {
    const now = this.clock.now();
    this.refuseFutureDates(received, now);
    const { report, cleanedFields, cleanedMessageIds } = storableReport(received);
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
      // Reports on one conversation take turns from here to commit (on every instance).
      await this.intake.lockConversation(m, report.conversation.externalId);
      // The same report under a new key (a retry after a lost answer, say) is not stored twice.
      const existing = await this.intake.findReport(m, report.externalId);
      if (existing) {
        await this.intake.storeAnswer(m, idempotencyKey, 202, existing);
        return { answer: existing, replay: true };
      }

      const users = await this.intake.upsertUsers(m, report);
      const conversationId = await this.intake.upsertConversation(m, report.conversation.externalId, [...users.values()]);
      const messages = await this.intake.addMessages(m, conversationId, report.conversation.messages, users, cleanedMessageIds);
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
        cleanedFields,
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
    // Which fields were cleaned, never what they said.
    this.logger.log({ intake: 'report', caseId: result.answer.caseId, replay: result.replay, cleanedFields }, 'Report received');
    return result.answer;
  }

  /** A report dated ahead of the server's clock (the report, any message) is refused whole, naming each date. */
  private refuseFutureDates(report: ValidReport, now: Date): void {
    const limit = now.getTime() + FUTURE_SKEW_MS;
    const problems = [
      ...(Date.parse(report.reportedAt) > limit ? [inFuture('reportedAt')] : []),
      ...report.conversation.messages.flatMap((message, i) => (Date.parse(message.sentAt) > limit ? [inFuture(`conversation.messages.${i}.sentAt`)] : [])),
    ];
    if (problems.length === 0) return;
    throw new DomainException('invalid_body', {
      message: `Invalid body: ${problems.map((p) => `${p.field} (${p.message})`).join(', ')}`,
      details: fieldProblems(...problems),
    });
  }

  /**
   * Platform activity signals: users' last activity, and the cases they take part in. A signal
   * dated ahead of the server's clock is refused on its own (listed in the answer); the others
   * are applied.
   */
  async receiveActivity(payload: ActivityPayload): Promise<ActivityAccepted> {
    const limit = this.clock.now().getTime() + FUTURE_SKEW_MS;
    const refused: ActivityRefusal[] = [];
    const valid = payload.events.filter((event, index) => {
      if (Date.parse(event.at) <= limit) return true;
      refused.push({ index, ...inFuture(`events.${index}.at`) });
      return false;
    });
    if (valid.length === 0) return { users: 0, cases: 0, refused };
    const moved = await this.intake.transaction(async (m) => {
      const users = await this.intake.touchUsers(m, valid);
      const cases = await this.records.followUsersActivity(m, users);
      return { users: users.length, cases: cases.length };
    });
    return { ...moved, refused };
  }
}
