import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface AppealedDecision {
  id: string;
  caseId: string;
  state: string;
  decidedAt: Date;
  conversationId: string;
  priority: number;
  policyClause: string;
}

/** Appeals from the platform and the cases that review them. */
@Injectable()
export class AppealsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async findByExternalId(m: EntityManager, externalId: string): Promise<{ appealId: string; caseId: string } | undefined> {
    const [row]: { appealId: string; caseId: string }[] = await m.query(`SELECT id AS "appealId", case_id AS "caseId" FROM appeal WHERE external_id = $1`, [externalId]);
    return row;
  }

  async decision(m: EntityManager, decisionId: string): Promise<AppealedDecision | undefined> {
    const [row]: AppealedDecision[] = await m.query(
      `SELECT d.id, d.case_id AS "caseId", d.state, d.decided_at AS "decidedAt", c.conversation_id AS "conversationId",
              c.priority, d.policy_clause AS "policyClause"
         FROM decision d JOIN moderation_case c ON c.id = d.case_id WHERE d.id = $1 FOR SHARE OF d`,
      [decisionId],
    );
    return row;
  }

  async upsertUser(m: EntityManager, externalId: string): Promise<string> {
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO platform_user (external_id) VALUES ($1)
       ON CONFLICT (external_id) DO UPDATE SET external_id = EXCLUDED.external_id RETURNING id`,
      [externalId],
    );
    return row.id;
  }

  async insertAppeal(m: EntityManager, appeal: { externalId: string; decisionId: string; caseId: string; appellantId: string; statement: string; submittedAt: Date; receivedAt: Date }): Promise<string> {
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO appeal (external_id, decision_id, case_id, appellant_id, statement, submitted_at, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [appeal.externalId, appeal.decisionId, appeal.caseId, appeal.appellantId, appeal.statement || null, appeal.submittedAt, appeal.receivedAt],
    );
    return row.id;
  }

  async appealOfCase(m: EntityManager, caseId: string): Promise<{ appealId: string; externalId: string; decisionId: string; appellantExternalId: string } | undefined> {
    const [row] = await m.query(
      `SELECT a.id AS "appealId", a.external_id AS "externalId", a.decision_id AS "decisionId", u.external_id AS "appellantExternalId"
         FROM appeal a JOIN platform_user u ON u.id = a.appellant_id WHERE a.case_id = $1`,
      [caseId],
    );
    return row;
  }
}
