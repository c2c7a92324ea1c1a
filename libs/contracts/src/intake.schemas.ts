import { z } from 'zod';
import { PLATFORM_USER_KINDS, REPORT_CATEGORIES } from './domain';
import { problem } from './errors';
import { instant, platformId as externalId } from './fields.schemas';

// The platform's payloads, validated by the API and by the platform's own client before sending.

export const MAX_MESSAGES_PER_REPORT = 2000;
export const MAX_MESSAGE_LENGTH = 20_000;

export const platformUserSchema = z.strictObject({
  externalId,
  kind: z.enum(PLATFORM_USER_KINDS),
  displayName: z.string().trim().min(1).max(200),
});

export const messageSchema = z.strictObject({
  externalId,
  authorExternalId: externalId,
  sentAt: instant,
  body: z.string().max(MAX_MESSAGE_LENGTH),
});

export const reportPayloadSchema = z
  .strictObject({
    externalId,
    reportedAt: instant,
    category: z.enum(REPORT_CATEGORIES),
    comment: z.string().trim().max(5000).default(''),
    reporter: platformUserSchema,
    reported: platformUserSchema,
    conversation: z.strictObject({
      externalId,
      participants: z.array(externalId).min(2, 'at least two participants').max(50),
      messages: z.array(messageSchema).min(1, 'at least the reported message').max(MAX_MESSAGES_PER_REPORT),
    }),
    reportedMessageIds: z.array(externalId).min(1, 'at least one reported message').max(100),
  })
  .superRefine((report, ctx) => {
    const participants = new Set(report.conversation.participants);
    const messageIds = new Set(report.conversation.messages.map((m) => m.externalId));
    if (report.reporter.externalId === report.reported.externalId) {
      ctx.addIssue({ code: 'custom', path: ['reported', 'externalId'], ...problem('must_differ', 'must differ from the reporter') });
    }
    for (const [path, id] of [
      [['reporter', 'externalId'], report.reporter.externalId],
      [['reported', 'externalId'], report.reported.externalId],
    ] as const) {
      if (!participants.has(id)) ctx.addIssue({ code: 'custom', path: [...path], ...problem('not_a_participant', 'must be a participant of the conversation') });
    }
    report.conversation.messages.forEach((m, i) => {
      if (!participants.has(m.authorExternalId)) {
        ctx.addIssue({ code: 'custom', path: ['conversation', 'messages', i, 'authorExternalId'], ...problem('not_a_participant', 'must be a participant') });
      }
    });
    if (messageIds.size !== report.conversation.messages.length) {
      ctx.addIssue({ code: 'custom', path: ['conversation', 'messages'], ...problem('duplicate', 'message ids must be unique') });
    }
    report.reportedMessageIds.forEach((id, i) => {
      if (!messageIds.has(id)) ctx.addIssue({ code: 'custom', path: ['reportedMessageIds', i], ...problem('not_in_conversation', 'must be a message of the snapshot') });
    });
  });
export type ReportPayload = z.input<typeof reportPayloadSchema>;
export type ValidReport = z.output<typeof reportPayloadSchema>;

export const activityPayloadSchema = z.strictObject({
  events: z.array(z.strictObject({ userExternalId: externalId, at: instant })).min(1).max(1000),
});
export type ActivityPayload = z.input<typeof activityPayloadSchema>;

export interface ReportAccepted {
  reportId: string;
  caseId: string;
}
