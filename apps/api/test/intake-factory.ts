import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ReportPayload } from '@vigie/contracts';
import { randomUUID } from 'node:crypto';
import { signatureHeader } from '@vigie/intake-client';
import { TEST_INTAKE_SECRETS } from './test-app';

/** A report of its own for the calling test: unique report, conversation and user ids. */
export function aReport(overrides: Partial<ReportPayload> = {}, tag = randomUUID().slice(0, 8)): ReportPayload {
  return {
    externalId: `rep_${tag}`,
    reportedAt: new Date(Date.now() - 60_000).toISOString(),
    category: 'harassment',
    comment: 'Il insiste pour me voir en dehors de la plateforme.',
    reporter: { externalId: `u_expl_${tag}`, kind: 'explorer', displayName: 'Léa M.' },
    reported: { externalId: `u_expe_${tag}`, kind: 'expert', displayName: 'Marc D.' },
    conversation: {
      externalId: `c_${tag}`,
      participants: [`u_expl_${tag}`, `u_expe_${tag}`],
      messages: [
        { externalId: `m_1_${tag}`, authorExternalId: `u_expl_${tag}`, sentAt: new Date(Date.now() - 300_000).toISOString(), body: 'Bonjour, merci pour vos conseils.' },
        { externalId: `m_2_${tag}`, authorExternalId: `u_expe_${tag}`, sentAt: new Date(Date.now() - 120_000).toISOString(), body: 'On se voit ce soir ? Donne-moi ton adresse.' },
      ],
    },
    reportedMessageIds: [`m_2_${tag}`],
    ...overrides,
  };
}

export interface SignedOptions {
  key?: string;
  secret?: string;
  timestamp?: number;
  /** Sign these bytes but send `raw` (to prove a changed byte is refused). */
  signBody?: string;
  headers?: Record<string, string>;
  /** The client address the request comes from (the rate limit counts per address). */
  remoteAddress?: string;
}

/** POSTs a raw body to an intake route, signed as the platform signs. */
export function postSigned(app: NestFastifyApplication, url: string, raw: string, options: SignedOptions = {}) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return app.inject({
    method: 'POST',
    url,
    payload: raw,
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    headers: {
      'content-type': 'application/json',
      'x-signature': signatureHeader(options.secret ?? TEST_INTAKE_SECRETS[0], timestamp, options.signBody ?? raw),
      ...(url.endsWith('/reports') ? { 'idempotency-key': options.key ?? randomUUID() } : {}),
      ...options.headers,
    },
  });
}

export function sendReport(app: NestFastifyApplication, report: ReportPayload, options: SignedOptions = {}) {
  return postSigned(app, '/api/v1/intake/reports', JSON.stringify(report), { key: report.externalId, ...options });
}
