import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ReportPayload } from '@vigie/contracts';
import { randomUUID } from 'node:crypto';
import { aReport, sendReport } from './intake-factory';
import type { Session } from './staff-factory';

export const JUSTIFICATION = 'Signalement de harcèlement : vérifier les messages cités.';

/**
 * A reported conversation of the test's own: `messages` messages alternating between the two
 * participants, one minute apart, the `reportedIndex`-th (0-based) reported. Each body carries
 * a canary, so tests can look for it where it must not be.
 */
export async function aReportedCase(
  app: NestFastifyApplication,
  options: { messages?: number; reportedIndex?: number; at?: Date; canary?: string } = {},
): Promise<{ caseId: string; reportId: string; report: ReportPayload; canary: string }> {
  const { messages = 2, reportedIndex = messages - 1, at = new Date() } = options;
  const tag = randomUUID().slice(0, 8);
  const canary = options.canary ?? `canary-${randomUUID()}`;
  const report = aReport({}, tag);
  const authors = [report.reporter.externalId, report.reported.externalId];
  report.conversation.messages = Array.from({ length: messages }, (_, i) => ({
    externalId: `m_${i}_${tag}`,
    authorExternalId: authors[i % 2],
    sentAt: new Date(at.getTime() - (messages - i) * 60_000).toISOString(),
    body: `Message ${i} ${canary}`,
  }));
  report.reportedMessageIds = [`m_${reportedIndex}_${tag}`];
  report.reportedAt = at.toISOString();
  // Signed at the report's time: the API checks the signature against its own (possibly moved) clock.
  const res = await sendReport(app, report, { timestamp: Math.floor(at.getTime() / 1000) });
  if (res.statusCode !== 202) throw new Error(`intake refused the report: ${res.statusCode} ${res.body}`);
  const { caseId, reportId } = res.json() as { caseId: string; reportId: string };
  return { caseId, reportId, report, canary };
}

export async function claim(app: NestFastifyApplication, session: Session, caseId: string): Promise<void> {
  const res = await app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/claim`, headers: session.headers(true), payload: {} });
  if (res.statusCode !== 200) throw new Error(`claim failed: ${res.statusCode} ${res.body}`);
}

export function requestAccess(
  app: NestFastifyApplication,
  session: Session,
  caseId: string,
  body: { justification?: string; reportIds?: string[]; scope?: 'context' | 'full' },
) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/access`,
    headers: { ...session.headers(true), 'user-agent': 'jest-gate-test' },
    payload: { justification: JUSTIFICATION, reportIds: [], ...body },
  });
}

export function readGrant(app: NestFastifyApplication, session: Session, grantId: string) {
  return app.inject({ method: 'GET', url: `/api/v1/access-grants/${grantId}/messages`, headers: session.headers() });
}
