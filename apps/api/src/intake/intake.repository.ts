import { Injectable } from '@nestjs/common';
import type { ReportAccepted, ValidReport } from '@vigie/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { addCaseEvent } from '../cases/case-timeline';

export interface StoredAnswer {
  bodySha256: string;
  statusCode: number;
  response: ReportAccepted;
}

/** Everything intake writes but the cases (CaseRecordRepository's): users, conversations, messages and their bodies, reports. */
@Injectable()
export class IntakeRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
  }

  /**
   * Claims an idempotency key. A concurrent request with the same key waits here until the
   * first one commits (PostgreSQL's unique check), then finds its stored answer.
   */
  async claimKey(m: EntityManager, key: string, bodySha256: string, at: Date): Promise<StoredAnswer | 'claimed'> {
    const claimed: unknown[] = await m.query(
      `INSERT INTO intake_request (idempotency_key, body_sha256, status_code, response, received_at)
       VALUES ($1, $2, 0, '{}', $3) ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
      [key, bodySha256, at],
    );
    if (claimed.length > 0) return 'claimed';
    const rows: StoredAnswer[] = await m.query(
      `SELECT body_sha256 AS "bodySha256", status_code AS "statusCode", response FROM intake_request WHERE idempotency_key = $1`,
      [key],
    );
    return rows[0];
  }

  async storeAnswer(m: EntityManager, key: string, statusCode: number, response: ReportAccepted): Promise<void> {
    await m.query(`UPDATE intake_request SET status_code = $2, response = $3 WHERE idempotency_key = $1`, [key, statusCode, JSON.stringify(response)]);
  }

  async findReport(m: EntityManager, externalId: string): Promise<ReportAccepted | undefined> {
    const rows: ReportAccepted[] = await m.query(`SELECT id AS "reportId", case_id AS "caseId" FROM report WHERE external_id = $1`, [externalId]);
    return rows[0];
  }

  /** Upserts the platform's users by their ids; returns our ids by theirs. */
  async upsertUsers(m: EntityManager, report: ValidReport): Promise<Map<string, string>> {
    const known = new Map([report.reporter, report.reported].map((u) => [u.externalId, u]));
    const ids = report.conversation.participants;
    const rows: { id: string; external_id: string }[] = await m.query(
      `INSERT INTO platform_user (external_id, kind, display_name)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (external_id) DO UPDATE SET
         kind = COALESCE(EXCLUDED.kind, platform_user.kind),
         display_name = COALESCE(EXCLUDED.display_name, platform_user.display_name)
       RETURNING id, external_id`,
      [ids, ids.map((id) => known.get(id)?.kind ?? null), ids.map((id) => known.get(id)?.displayName ?? null)],
    );
    return new Map(rows.map((r) => [r.external_id, r.id]));
  }

  async upsertConversation(m: EntityManager, externalId: string, participantIds: string[]): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO conversation (external_id) VALUES ($1)
       ON CONFLICT (external_id) DO UPDATE SET external_id = EXCLUDED.external_id RETURNING id`,
      [externalId],
    );
    const id = rows[0].id;
    await m.query(
      `INSERT INTO conversation_participant (conversation_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [id, participantIds],
    );
    return id;
  }

  /** Adds the messages not stored yet (and their bodies); returns how many were new and the latest `sentAt`. */
  async addMessages(
    m: EntityManager,
    conversationId: string,
    messages: ValidReport['conversation']['messages'],
    users: Map<string, string>,
  ): Promise<{ added: number; latestSentAt?: Date }> {
    const rows: { id: string; external_id: string; sent_at: Date }[] = await m.query(
      `INSERT INTO message (conversation_id, external_id, author_id, sent_at)
       SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::timestamptz[])
       ON CONFLICT (conversation_id, external_id) DO NOTHING
       RETURNING id, external_id, sent_at`,
      [conversationId, messages.map((x) => x.externalId), messages.map((x) => users.get(x.authorExternalId)), messages.map((x) => x.sentAt)],
    );
    if (rows.length === 0) return { added: 0 };
    const bodies = new Map(messages.map((x) => [x.externalId, x.body]));
    await m.query(`INSERT INTO message_body (message_id, body) SELECT * FROM unnest($1::uuid[], $2::text[])`, [
      rows.map((r) => r.id),
      rows.map((r) => bodies.get(r.external_id) ?? ''),
    ]);
    const latest = rows.reduce((a, r) => (r.sent_at > a ? r.sent_at : a), rows[0].sent_at);
    return { added: rows.length, latestSentAt: latest };
  }

  async insertReport(
    m: EntityManager,
    report: ValidReport,
    ids: { caseId: string; conversationId: string; reporterId: string; reportedId: string },
    receivedAt: Date,
  ): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO report (external_id, case_id, conversation_id, reporter_id, reported_id, category, comment,
                           reported_message_ids, reported_at, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        report.externalId,
        ids.caseId,
        ids.conversationId,
        ids.reporterId,
        ids.reportedId,
        report.category,
        report.comment || null,
        report.reportedMessageIds,
        report.reportedAt,
        receivedAt,
      ],
    );
    return rows[0].id;
  }

  async addCaseEvent(m: EntityManager, caseId: string, type: string, at: Date, data: Record<string, unknown>): Promise<void> {
    await addCaseEvent(m, caseId, type, null, at, data);
  }

  /** Platform activity signals: the users' last activity moves forward; returns the users it moved. */
  async touchUsers(m: EntityManager, events: { userExternalId: string; at: string }[]): Promise<string[]> {
    const users: { id: string }[] = await m.query(
      `WITH signal AS (
         SELECT external_id, max(at) AS at FROM unnest($1::text[], $2::timestamptz[]) AS s(external_id, at) GROUP BY external_id),
       touched AS (
         UPDATE platform_user u SET last_activity_at = GREATEST(u.last_activity_at, s.at)
           FROM signal s WHERE u.external_id = s.external_id RETURNING u.id, s.at)
       SELECT id FROM touched`,
      [events.map((e) => e.userExternalId), events.map((e) => e.at)],
    );
    return users.map((u) => u.id);
  }
}
