import { Injectable, Logger } from '@nestjs/common';
import type { ReportAccepted, ValidReport } from '@vigie/contracts';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { addCaseEvent } from '../cases/case-timeline';

const MAX_ATTEMPTS = 5;
// deadlock_detected, serialization_failure; unique_violation on the report's platform id only.
const TRANSIENT_CODES = new Set(['40P01', '40001']);
const isTransient = (error: unknown): boolean => {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return TRANSIENT_CODES.has(driverError.code ?? '') || (driverError.code === '23505' && driverError.constraint === 'uq_report_external_id');
};

// The class of intake's advisory locks (two-key form: apart from the single-key locks elsewhere).
const CONVERSATION_LOCK_CLASS = 16_001;

export interface StoredAnswer {
  bodySha256: string;
  statusCode: number;
  response: ReportAccepted;
}

/** Everything intake writes but the cases (CaseRecordRepository's): users, conversations, messages and their bodies, reports. */
@Injectable()
export class IntakeRepository {
  private readonly logger = new Logger('Intake');

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in a transaction, again from the start (a few times) when PostgreSQL aborted it
   * for a deadlock or a serialization failure, or when a concurrent request stored the same report
   * first (the rerun then finds it). Locks are taken in one order (`lockConversation`, users
   * sorted), so a rerun is a last resort, not the way concurrency is handled.
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction('READ COMMITTED', work);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isTransient(error)) throw error;
        this.logger.warn({ retry: attempt, code: (error as QueryFailedError & { driverError: { code?: string } }).driverError.code }, 'Intake transaction run again');
      }
    }
  }

  /**
   * Makes the reports on one conversation take turns, on every API instance, until commit: they
   * upsert the same rows (conversation, participants, messages, case), which concurrent
   * transactions would lock in different orders.
   */
  async lockConversation(m: EntityManager, externalId: string): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CONVERSATION_LOCK_CLASS, externalId]);
  }

  /**
   * Counts one intake request from `client` in the minute starting at `windowStart`; returns the
   * minute's count so far, every API instance included. The first request of a minute clears the
   * minutes before it (skipping rows another instance is clearing).
   */
  async countRequest(client: string, windowStart: Date): Promise<number> {
    const [{ hits }]: { hits: number }[] = await this.dataSource.query(
      `INSERT INTO intake_rate_window (client, window_start, hits) VALUES ($1, $2, 1)
       ON CONFLICT (client, window_start) DO UPDATE SET hits = intake_rate_window.hits + 1
       RETURNING hits`,
      [client, windowStart],
    );
    if (hits === 1) {
      await this.dataSource.query(
        `DELETE FROM intake_rate_window WHERE ctid IN (
           SELECT ctid FROM intake_rate_window WHERE window_start < $1 FOR UPDATE SKIP LOCKED)`,
        [windowStart],
      );
    }
    return hits;
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
    // In the users' id order, as every transaction locks users (activity signals too): two
    // reports listing shared users in different orders would otherwise deadlock.
    const rows: { id: string; external_id: string }[] = await m.query(
      `INSERT INTO platform_user (external_id, kind, display_name)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS u(external_id, kind, display_name) ORDER BY external_id
       ON CONFLICT (external_id) DO UPDATE SET
         kind = COALESCE(EXCLUDED.kind, platform_user.kind),
         display_name = COALESCE(EXCLUDED.display_name, platform_user.display_name)
       RETURNING id, external_id`,
      [ids, ids.map((id) => known.get(id)?.kind ?? null), ids.map((id) => known.get(id)?.displayName ?? null)],
    );
    return new Map(rows.map((r) => [r.external_id, r.id]));
  }

  async upsertConversation(m: EntityManager, externalId: string, participantIds: string[]): Promise<string> {
    // Under lockConversation: no other transaction inserts it meanwhile. No update of a found row
    // (which would lock it against every foreign key check on it).
    const rows: { id: string }[] = await m.query(
      `WITH inserted AS (INSERT INTO conversation (external_id) VALUES ($1) ON CONFLICT (external_id) DO NOTHING RETURNING id)
       SELECT id FROM inserted UNION ALL SELECT id FROM conversation WHERE external_id = $1`,
      [externalId],
    );
    const id = rows[0].id;
    await m.query(
      `INSERT INTO conversation_participant (conversation_id, user_id) SELECT $1, u FROM unnest($2::uuid[]) AS u ORDER BY u ON CONFLICT DO NOTHING`,
      [id, participantIds],
    );
    return id;
  }

  /**
   * Adds the messages not stored yet (and their bodies), marking those whose body was cleaned
   * (`storableReport`); returns how many were new and the latest `sentAt`.
   */
  async addMessages(
    m: EntityManager,
    conversationId: string,
    messages: ValidReport['conversation']['messages'],
    users: Map<string, string>,
    cleanedMessageIds: string[],
  ): Promise<{ added: number; latestSentAt?: Date }> {
    const cleaned = new Set(cleanedMessageIds);
    const rows: { id: string; external_id: string; sent_at: Date }[] = await m.query(
      `INSERT INTO message (conversation_id, external_id, author_id, sent_at, body_cleaned)
       SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::timestamptz[], $5::boolean[])
       ON CONFLICT (conversation_id, external_id) DO NOTHING
       RETURNING id, external_id, sent_at`,
      [
        conversationId,
        messages.map((x) => x.externalId),
        messages.map((x) => users.get(x.authorExternalId)),
        messages.map((x) => x.sentAt),
        messages.map((x) => cleaned.has(x.externalId)),
      ],
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
    cleanedFields: string[],
  ): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO report (external_id, case_id, conversation_id, reporter_id, reported_id, category, comment,
                           reported_message_ids, reported_at, received_at, cleaned_fields)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
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
        cleanedFields,
      ],
    );
    return rows[0].id;
  }

  async addCaseEvent(m: EntityManager, caseId: string, type: string, at: Date, data: Record<string, unknown>): Promise<void> {
    await addCaseEvent(m, caseId, type, null, at, data);
  }

  /** Platform activity signals: the users' last activity moves forward; returns the users it moved. */
  async touchUsers(m: EntityManager, events: { userExternalId: string; at: string }[]): Promise<string[]> {
    // Locked in the users' id order first, as intake locks them (upsertUsers).
    await m.query(`SELECT 1 FROM platform_user WHERE external_id = ANY($1::text[]) ORDER BY external_id FOR NO KEY UPDATE`, [
      events.map((e) => e.userExternalId),
    ]);
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
