import type { ReportCategory } from '@vigie/contracts';
import { createIntakeClient, type ReportAccepted, type ReportPayload } from '@vigie/intake-client';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A user of the mentoring platform, as its report button describes them. */
export interface PlatformUser {
  externalId: string;
  kind: 'explorer' | 'expert';
  displayName: string;
}

export interface ReportOptions {
  category: ReportCategory;
  comment?: string;
  reporter: PlatformUser;
  reported: PlatformUser;
  /** The conversation's id: two reports of the same conversation make one case. */
  conversation?: string;
  /** Everyone in the conversation; the reporter and the reported user by default. */
  participants?: PlatformUser[];
  minutesAgo?: number;
}

/** A report as the platform sends it, with a two-message snapshot of its conversation. */
export function aReport({
  category,
  comment = '',
  reporter,
  reported,
  conversation,
  participants,
  minutesAgo = 1,
}: ReportOptions): ReportPayload {
  const tag = randomUUID().slice(0, 8);
  const conversationId = conversation ?? `c_${tag}`;
  const at = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  return {
    externalId: `rep_${tag}`,
    reportedAt: at(minutesAgo),
    category,
    comment,
    reporter,
    reported,
    conversation: {
      externalId: conversationId,
      participants: (participants ?? [reporter, reported]).map((participant) => participant.externalId),
      messages: [
        {
          externalId: `m_1_${tag}`,
          authorExternalId: reporter.externalId,
          sentAt: at(minutesAgo + 5),
          body: 'Bonjour, merci pour vos conseils.',
        },
        {
          externalId: `m_2_${tag}`,
          authorExternalId: reported.externalId,
          sentAt: at(minutesAgo + 2),
          body: 'Message signalé (données de test).',
        },
      ],
    },
    reportedMessageIds: [`m_2_${tag}`],
  };
}

/** The intake secret the product generated in its data folder at first start. */
export function intakeSecret(dataDir = process.env.VIGIE_E2E_DATA_DIR): string {
  if (!dataDir)
    throw new Error(
      'VIGIE_E2E_DATA_DIR is not set: run through jest (its global set-up starts the product).',
    );
  return readFileSync(join(dataDir, 'intake-hmac-secret'), 'utf8').trim();
}

/** Sends a report through the signed intake API with the platform's own client, as its report button does. */
export function sendReport(baseUrl: string, secret: string, report: ReportPayload): Promise<ReportAccepted> {
  return createIntakeClient({ baseUrl, secret, maxAttempts: 1 }).sendReport(report);
}
