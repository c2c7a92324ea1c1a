import { Injectable } from '@nestjs/common';
import type { CaseStatus, Decision, DecisionRequest, UserHistory } from '@vigie/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { DECISION_SELECT, type DecisionRow, NOTE_SELECT, type NoteRow, toDecision, toNote } from '../cases/decision-rows';
import { addCaseEvent } from '../cases/case-timeline';

/** Decisions and notes of a case (its status changes through CaseRecordRepository); and the reported user's record. */
@Injectable()
export class DecisionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insertDecision(
    m: EntityManager,
    caseId: string,
    request: Pick<DecisionRequest, 'statement' | 'durationDays' | 'messageIds'> & { action: Decision['action']; policyClause: string },
    state: Decision['state'],
    by: string,
    at: Date,
  ): Promise<string> {
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO decision (case_id, action, policy_clause, facts, ground, automated, redress, duration_days, message_ids, state, decided_by, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        caseId,
        request.action,
        request.policyClause,
        request.statement.facts,
        request.statement.ground,
        request.statement.automated,
        request.statement.redress,
        request.durationDays ?? null,
        request.messageIds ?? [],
        state,
        by,
        at,
      ],
    );
    return row.id;
  }

  /** Of the platform message ids given, those that no grant of `staffId` on this case covered in its conversation, in order. */
  async messagesNotGranted(m: EntityManager, caseId: string, staffId: string, messageIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT w.id FROM unnest($3::text[]) WITH ORDINALITY AS w(id, n)
        WHERE NOT EXISTS (
          SELECT 1 FROM access_grant g
            JOIN moderation_case c ON c.id = g.case_id
            JOIN message msg ON msg.id = ANY (g.message_ids) AND msg.conversation_id = c.conversation_id
           WHERE g.case_id = $1 AND g.staff_id = $2 AND msg.external_id = w.id)
        GROUP BY w.id ORDER BY min(w.n)`,
      [caseId, staffId, messageIds],
    );
    return rows.map((row) => row.id);
  }

  async review(m: EntityManager, decisionId: string, state: 'effective' | 'rejected', by: string, at: Date, note: string | null): Promise<void> {
    await m.query(`UPDATE decision SET state = $2, reviewed_by = $3, reviewed_at = $4, review_note = $5 WHERE id = $1`, [decisionId, state, by, at, note]);
  }

  async decision(m: EntityManager, decisionId: string): Promise<Decision | undefined> {
    const [row]: DecisionRow[] = await m.query(`${DECISION_SELECT} WHERE d.id = $1`, [decisionId]);
    return row ? toDecision(row) : undefined;
  }

  addEvent(m: EntityManager, caseId: string, type: string, actorId: string | null, at: Date, data: Record<string, unknown>): Promise<void> {
    return addCaseEvent(m, caseId, type, actorId, at, data);
  }

  /** Another case open on the same conversation (reopening this one would make two). */
  async otherOpenCase(m: EntityManager, caseId: string, conversationId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM moderation_case WHERE conversation_id = $1 AND id <> $2 AND status <> 'closed' AND appeal_of_decision_id IS NULL`,
      [conversationId, caseId],
    );
    return rows.length > 0;
  }

  /** What the platform needs to apply a decision and tell the people involved. */
  async platformFacts(m: EntityManager, caseId: string): Promise<{ conversationExternalId: string; reportedExternalIds: string[]; reporterExternalIds: string[] }> {
    const [row] = await m.query(
      `SELECT v.external_id AS "conversationExternalId",
              ARRAY(SELECT DISTINCT u.external_id FROM report r JOIN platform_user u ON u.id = r.reported_id WHERE r.case_id = c.id ORDER BY 1) AS "reportedExternalIds",
              ARRAY(SELECT DISTINCT u.external_id FROM report r JOIN platform_user u ON u.id = r.reporter_id WHERE r.case_id = c.id ORDER BY 1) AS "reporterExternalIds"
         FROM moderation_case c JOIN conversation v ON v.id = c.conversation_id WHERE c.id = $1`,
      [caseId],
    );
    return row;
  }

  async pending(): Promise<Decision[]> {
    const rows: DecisionRow[] = await this.dataSource.query(`${DECISION_SELECT} WHERE d.state = 'pending_approval' ORDER BY d.decided_at, d.id`);
    return rows.map(toDecision);
  }

  // Notes.

  async insertNote(m: EntityManager, caseId: string, authorId: string, text: string, at: Date): Promise<string> {
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO case_note (case_id, author_id, text, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [caseId, authorId, text, at],
    );
    return row.id;
  }

  async note(m: EntityManager, noteId: string) {
    const [row]: NoteRow[] = await m.query(`${NOTE_SELECT} WHERE n.id = $1 FOR NO KEY UPDATE OF n`, [noteId]);
    return row ? toNote(row) : undefined;
  }

  async editNote(m: EntityManager, noteId: string, text: string, at: Date): Promise<void> {
    await m.query(`UPDATE case_note SET text = $2, edited_at = $3 WHERE id = $1`, [noteId, text, at]);
  }

  /** The reported user of the case, and their cases and decisions still within retention. */
  async history(caseId: string, at: Date): Promise<UserHistory> {
    const [user]: { id: string; externalId: string; displayName: string | null }[] = await this.dataSource.query(
      `SELECT u.id, u.external_id AS "externalId", u.display_name AS "displayName"
         FROM report r JOIN platform_user u ON u.id = r.reported_id WHERE r.case_id = $1 ORDER BY r.reported_at DESC LIMIT 1`,
      [caseId],
    );
    if (!user) return { user: null, cases: [], actionedLast6Months: 0, actionedLast12Months: 0 };
    const cases: { caseId: string; status: CaseStatus; createdAt: Date; categories: string[]; decisions: { action: string; state: string; decidedAt: string }[] }[] =
      await this.dataSource.query(
        `SELECT c.id AS "caseId", c.status, c.created_at AS "createdAt",
                ARRAY(SELECT DISTINCT r.category FROM report r WHERE r.case_id = c.id ORDER BY 1) AS categories,
                COALESCE((SELECT json_agg(json_build_object('action', d.action, 'state', d.state, 'decidedAt', d.decided_at) ORDER BY d.decided_at)
                            FROM decision d WHERE d.case_id = c.id), '[]') AS decisions
           FROM moderation_case c
          WHERE c.id <> $2 AND c.data_purged_at IS NULL
            AND EXISTS (SELECT 1 FROM report r WHERE r.case_id = c.id AND r.reported_id = $1)
          ORDER BY c.created_at DESC LIMIT 50`,
        [user.id, caseId],
      );
    const [counts]: { six: number; twelve: number }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE d.decided_at >= $2::timestamptz - interval '6 months')::int AS six,
              count(*) FILTER (WHERE d.decided_at >= $2::timestamptz - interval '12 months')::int AS twelve
         FROM decision d JOIN moderation_case c ON c.id = d.case_id
        WHERE d.state = 'effective' AND d.action NOT IN ('no_violation', 'appeal_upheld', 'appeal_overturned')
          AND c.data_purged_at IS NULL AND c.id <> $3
          AND EXISTS (SELECT 1 FROM report r WHERE r.case_id = c.id AND r.reported_id = $1)`,
      [user.id, at, caseId],
    );
    return {
      user,
      cases: cases.map((c) => ({
        ...c,
        createdAt: c.createdAt.toISOString(),
        decisions: c.decisions.map((d) => ({ ...d, decidedAt: new Date(d.decidedAt).toISOString() })) as UserHistory['cases'][number]['decisions'],
      })),
      actionedLast6Months: counts.six,
      actionedLast12Months: counts.twelve,
    };
  }
}
