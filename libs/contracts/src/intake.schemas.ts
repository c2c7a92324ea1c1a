import { z } from 'zod';
import { PLATFORM_USER_KINDS, REPORT_CATEGORIES } from './domain';
import { type FieldProblem, problem } from './errors';
import { instant, platformId as externalId } from './fields.schemas';
import { storableText } from './gate';

// The platform's payloads, validated by the API and by the platform's own client before sending.

export const MAX_MESSAGES_PER_REPORT = 2000;
export const MAX_MESSAGE_LENGTH = 20_000;

/** The earliest date the platform may give: before it, a date is a bug (and year 0000 is none PostgreSQL knows). */
export const EARLIEST_PLATFORM_DATE = '2000-01-01T00:00:00Z';

/**
 * A date the platform gives. Its upper bound is the server's clock (5 minutes ahead at most),
 * which only the API knows: `FUTURE_SKEW_MS`.
 */
// (A value that is no date at all is the format check's to report, once.)
const platformInstant = instant.refine((value) => !(Date.parse(value) < Date.parse(EARLIEST_PLATFORM_DATE)), 'must be on or after 2000-01-01');

/** How far ahead of the server's clock a platform date may lie (clocks drift); beyond, it is refused. */
export const FUTURE_SKEW_MS = 5 * 60_000;

export const platformUserSchema = z.strictObject({
  externalId,
  kind: z.enum(PLATFORM_USER_KINDS),
  displayName: z.string().trim().min(1).max(200),
});

export const messageSchema = z.strictObject({
  externalId,
  authorExternalId: externalId,
  sentAt: platformInstant,
  body: z.string().max(MAX_MESSAGE_LENGTH),
});

export const reportPayloadSchema = z
  .strictObject({
    externalId,
    reportedAt: platformInstant,
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
    if (participants.size !== report.conversation.participants.length) {
      ctx.addIssue({ code: 'custom', path: ['conversation', 'participants'], ...problem('duplicate', 'participant ids must be unique') });
    }
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
  events: z.array(z.strictObject({ userExternalId: externalId, at: platformInstant })).min(1).max(1000),
});
export type ActivityPayload = z.input<typeof activityPayloadSchema>;

export interface ReportAccepted {
  reportId: string;
  caseId: string;
}

/** A signal of a batch left out (dated ahead of the server's clock, say); the others are applied. */
export interface ActivityRefusal extends FieldProblem {
  /** Its position in the batch's `events`. */
  index: number;
}

/** What Vigie did with a batch of activity signals: users whose last activity moved, open cases it moved, signals refused. */
export interface ActivityAccepted {
  users: number;
  cases: number;
  refused: ActivityRefusal[];
}

/**
 * The report as it is stored: what the platform's users wrote themselves (message bodies, the
 * comment, display names) is evidence and is kept, with the code points PostgreSQL cannot store
 * replaced by U+FFFD (`storableText`). `cleanedFields` names each field so changed, by its path
 * in the payload (`conversation.messages.3.body`).
 */
export function storableReport(report: ValidReport): { report: ValidReport; cleanedFields: string[]; cleanedMessageIds: string[] } {
  const cleanedFields: string[] = [];
  const cleanedMessageIds: string[] = [];
  const clean = (text: string, field: string): string => {
    const stored = storableText(text);
    if (stored !== text) cleanedFields.push(field);
    return stored;
  };
  const stored: ValidReport = {
    ...report,
    comment: clean(report.comment, 'comment'),
    reporter: { ...report.reporter, displayName: clean(report.reporter.displayName, 'reporter.displayName') },
    reported: { ...report.reported, displayName: clean(report.reported.displayName, 'reported.displayName') },
    conversation: {
      ...report.conversation,
      messages: report.conversation.messages.map((m, i) => {
        const body = clean(m.body, `conversation.messages.${i}.body`);
        if (body !== m.body) cleanedMessageIds.push(m.externalId);
        return { ...m, body };
      }),
    },
  };
  return { report: stored, cleanedFields, cleanedMessageIds };
}
