import { Injectable } from '@nestjs/common';
import type { CaseParticipant, GrantScope, StaffRole } from '@vigie/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { addCaseEvent } from '../cases/case-timeline';

/**
 * What the gate's rules look at, read under a row lock: the case cannot close meanwhile, and
 * concurrent accesses to one case take turns (each then updates the case's last activity).
 */
export interface CaseFacts {
  id: string;
  status: string;
  assigneeId: string | null;
  dataPurged: boolean;
  conversationId: string;
  reportIds: string[];
  subjectIds: string[];
  /** Someone of the case has a standing restriction of processing (`case_restricted`). */
  restricted: boolean;
}

export interface GrantRow {
  id: string;
  caseId: string;
  staffId: string;
  scope: GrantScope;
  reportIds: string[];
  messageIds: string[];
  expiresAt: Date;
  /** The session that obtained the grant: the grant ends with it. */
  sessionId: string | null;
  /** The holder's roles when it was granted, as the register keeps them. */
  grantedRoles: StaffRole[];
}

/** What reading with a grant looks at, read under a share lock: the case cannot change meanwhile. */
export interface CaseState {
  status: string;
  dataPurged: boolean;
  assigneeId: string | null;
  conversationId: string;
  subjectIds: string[];
  restricted: boolean;
}

export interface MessageRow {
  id: string;
  externalId: string;
  authorId: string;
  sentAt: Date;
  position: number;
}

/**
 * The gate's queries — and the only code that reaches message bodies, through the database
 * function that hands them out for a live grant whose read a committed register entry records.
 */
@Injectable()
export class GateRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async caseFacts(m: EntityManager, caseId: string): Promise<CaseFacts | undefined> {
    const [row]: CaseFacts[] = await m.query(
      `SELECT c.id, c.status, c.assignee_id AS "assigneeId", c.data_purged_at IS NOT NULL AS "dataPurged",
              c.conversation_id AS "conversationId",
              ARRAY(SELECT r.id::text FROM report r
                     WHERE r.conversation_id = c.conversation_id
                       AND (r.case_id = c.id OR r.case_id = (SELECT d.case_id FROM decision d WHERE d.id = c.appeal_of_decision_id))
                     ORDER BY r.reported_at) AS "reportIds",
              ARRAY(SELECT p.user_id::text FROM conversation_participant p WHERE p.conversation_id = c.conversation_id
                     ORDER BY p.user_id) AS "subjectIds",
              case_restricted(c.id) AS restricted
         FROM moderation_case c WHERE c.id = $1 FOR NO KEY UPDATE OF c`,
      [caseId],
    );
    return row;
  }

  /**
   * The messages a grant covers, in conversation order: for `context`, the messages the chosen
   * reports point at with `around` messages on each side (the latest ones when the reported
   * messages are not in the snapshot); for `full`, all of them.
   */
  async scopeMessageIds(m: EntityManager, conversationId: string, reportIds: string[], scope: GrantScope, around: number): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `WITH ordered AS (
         SELECT id, external_id, row_number() OVER (ORDER BY sent_at, id) AS n FROM message WHERE conversation_id = $1),
       anchors AS (
         SELECT o.n FROM ordered o
          WHERE o.external_id IN (SELECT unnest(r.reported_message_ids) FROM report r WHERE r.id = ANY ($2::uuid[])))
       SELECT o.id FROM ordered o
        WHERE $3 = 'full'
           OR EXISTS (SELECT 1 FROM anchors a WHERE o.n BETWEEN a.n - $4 AND a.n + $4)
           OR (NOT EXISTS (SELECT 1 FROM anchors) AND o.n > (SELECT count(*) FROM ordered) - (2 * $4 + 1))
        ORDER BY o.n`,
      [conversationId, reportIds, scope, around],
    );
    return rows.map((r) => r.id);
  }

  async conversationSize(m: EntityManager, conversationId: string): Promise<number> {
    const [row]: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM message WHERE conversation_id = $1`, [conversationId]);
    return row.n;
  }

  /**
   * Opens a grant through the database's own rules (`gate_open_grant`: the application's role
   * cannot INSERT one), which also sets its times by the database's clock.
   */
  async openGrant(
    m: EntityManager,
    grant: Pick<GrantRow, 'caseId' | 'staffId' | 'scope' | 'reportIds' | 'messageIds'> & { sessionId: string; minutes: number },
  ): Promise<{ id: string; createdAt: Date; expiresAt: Date }> {
    const [row]: { id: string; created_at: Date; expires_at: Date }[] = await m.query(
      `SELECT id, created_at, expires_at FROM gate_open_grant($1, $2, $3, $4, $5::uuid[], $6::uuid[], $7)`,
      [grant.caseId, grant.staffId, grant.sessionId, grant.scope, grant.reportIds, grant.messageIds, grant.minutes],
    );
    return { id: row.id, createdAt: row.created_at, expiresAt: row.expires_at };
  }

  async findGrant(m: EntityManager, grantId: string): Promise<GrantRow | undefined> {
    const [row]: GrantRow[] = await m.query(
      `SELECT id, case_id AS "caseId", staff_id AS "staffId", scope, report_ids::text[] AS "reportIds",
              message_ids::text[] AS "messageIds", expires_at AS "expiresAt", session_id AS "sessionId",
              COALESCE((SELECT l.staff_roles FROM access_log l WHERE l.grant_id = g.id AND l.outcome = 'granted' LIMIT 1), '{}') AS "grantedRoles"
         FROM access_grant g WHERE id = $1`,
      [grantId],
    );
    return row;
  }

  addCaseEvent(m: EntityManager, caseId: string, type: string, staffId: string, at: Date, data: Record<string, unknown>): Promise<void> {
    return addCaseEvent(m, caseId, type, staffId, at, data);
  }

  /** The granted messages with their position, and how many messages the conversation holds. */
  async messages(m: EntityManager, conversationId: string, messageIds: string[]): Promise<{ rows: MessageRow[]; total: number }> {
    const rows: (MessageRow & { total: number })[] = await m.query(
      `SELECT id, "externalId", "authorId", "sentAt", position::int, total::int FROM (
         SELECT id, external_id AS "externalId", author_id AS "authorId", sent_at AS "sentAt",
                row_number() OVER (ORDER BY sent_at, id) AS position, count(*) OVER () AS total
           FROM message WHERE conversation_id = $1) o
        WHERE id = ANY ($2::uuid[]) ORDER BY position`,
      [conversationId, messageIds],
    );
    // A grant covers messages of its conversation: none found means an empty conversation.
    return { rows, total: rows[0]?.total ?? 0 };
  }

  /**
   * Message bodies: those of the grant a committed `read` entry names, to that entry's staff
   * member, while the grant lives. In a transaction of its own, after the entry's has committed:
   * the database ignores an entry its caller's own transaction wrote.
   */
  async bodies(entrySequence: string, staffId: string): Promise<Map<string, string>> {
    const rows: { message_id: string; body: string }[] = await this.dataSource.query(
      `SELECT message_id, body FROM gate_message_bodies($1, $2)`,
      [entrySequence, staffId],
    );
    return new Map(rows.map((r) => [r.message_id, r.body]));
  }

  /** The case's reports by reported message (platform ids), to highlight them. */
  async reportsByMessage(m: EntityManager, caseId: string): Promise<Map<string, string[]>> {
    const rows: { external_id: string; report_ids: string[] }[] = await m.query(
      `SELECT mid AS external_id, array_agg(r.id::text ORDER BY r.reported_at) AS report_ids
         FROM report r CROSS JOIN LATERAL unnest(r.reported_message_ids) mid
        WHERE r.case_id = $1
           OR r.case_id = (SELECT d.case_id FROM moderation_case c JOIN decision d ON d.id = c.appeal_of_decision_id WHERE c.id = $1)
        GROUP BY mid`,
      [caseId],
    );
    return new Map(rows.map((r) => [r.external_id, r.report_ids]));
  }

  participants(m: EntityManager, conversationId: string): Promise<CaseParticipant[]> {
    return m.query(
      `SELECT u.id, u.external_id AS "externalId", u.kind, u.display_name AS "displayName"
         FROM conversation_participant p JOIN platform_user u ON u.id = p.user_id
        WHERE p.conversation_id = $1 ORDER BY u.external_id`,
      [conversationId],
    );
  }

  async caseState(m: EntityManager, caseId: string): Promise<CaseState | undefined> {
    const [row]: CaseState[] = await m.query(
      `SELECT c.status, c.data_purged_at IS NOT NULL AS "dataPurged", c.assignee_id AS "assigneeId", c.conversation_id AS "conversationId",
              ARRAY(SELECT p.user_id::text FROM conversation_participant p WHERE p.conversation_id = c.conversation_id
                     ORDER BY p.user_id) AS "subjectIds",
              case_restricted(c.id) AS restricted
         FROM moderation_case c WHERE c.id = $1 FOR SHARE OF c`,
      [caseId],
    );
    return row;
  }
}
