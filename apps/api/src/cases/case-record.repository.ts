import { Injectable } from '@nestjs/common';
import { CATEGORY_SEVERITY, type CaseStatus } from '@vigie/contracts';
import type { EntityManager } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import { type CaseWorker, isAssigneeOrLead } from './case-worker';
import { caseSeenBy } from './case-visibility';
import { CasesRepository } from './cases.repository';

/** The case row as the rules see it, locked for the caller's transaction. */
export interface CaseRecord {
  id: string;
  status: CaseStatus;
  assigneeId: string | null;
  version: number;
  dataPurged: boolean;
  appealOfDecisionId: string | null;
  conversationId: string;
  pendingDecisionId: string | null;
}

export type { CaseWorker } from './case-worker';
export { isAssigneeOrLead } from './case-worker';

export type LegalHoldOutcome = 'done' | 'not_found' | 'data_purged' | 'legal_hold_exists' | 'no_legal_hold';


type ClaimOutcome = 'claimed' | 'not_found' | 'closed' | 'already_assigned' | 'stale_version';

// The queue's order: the worst category first (weights in libs/contracts), then how many
// people reported; computed in SQL in the statement that adds a report.
const SEVERITY_SQL = `CASE category ${Object.entries(CATEGORY_SEVERITY)
  .map(([category, weight]) => `WHEN '${category}' THEN ${weight}`)
  .join(' ')} ELSE 0 END`;

/**
 * The one writer of `moderation_case`: every change to a case goes through here, in the caller's
 * transaction (each method takes its EntityManager). It holds the version check and the rule of
 * who may work a case, so that features do not each keep their own copy of them.
 */
@Injectable()
export class CaseRecordRepository {
  constructor(private readonly cases: CasesRepository) {}

  // Locking and the rules.

  /** Locks the case row until the transaction ends; undefined when there is no such case. */
  async lock(m: EntityManager, caseId: string): Promise<CaseRecord | undefined> {
    const [row]: CaseRecord[] = await m.query(
      `SELECT c.id, c.status, c.assignee_id AS "assigneeId", c.version, c.data_purged_at IS NOT NULL AS "dataPurged",
              c.appeal_of_decision_id AS "appealOfDecisionId", c.conversation_id AS "conversationId",
              (SELECT d.id FROM decision d WHERE d.case_id = c.id AND d.state = 'pending_approval') AS "pendingDecisionId"
         FROM moderation_case c WHERE c.id = $1 FOR NO KEY UPDATE OF c`,
      [caseId],
    );
    return row;
  }

  /**
   * Locks a case that exists; refuses it once retention erased it, or (given `version`) if it
   * changed since `worker` loaded it — answering with the case as `worker` may see it.
   */
  async lockCurrent(m: EntityManager, caseId: string, worker: CaseWorker, version?: number): Promise<CaseRecord> {
    const kase = await this.lock(m, caseId);
    if (!kase) throw new DomainException('case_not_found');
    if (kase.dataPurged) throw new DomainException('data_purged');
    if (version !== undefined && kase.version !== version) {
      throw new DomainException('stale_version', { details: { case: await this.currentFor(m, caseId, worker) } });
    }
    return kase;
  }

  /**
   * Locks the case and checks that `worker` may work it at this version: not closed, theirs or
   * they lead, and on an appeal they neither took nor approved the appealed decision.
   */
  async lockWorkable(m: EntityManager, caseId: string, worker: CaseWorker, version: number): Promise<CaseRecord> {
    const kase = await this.lockCurrent(m, caseId, worker, version);
    if (kase.status === 'closed') throw new DomainException('closed');
    this.assertAssigneeOrLead(kase, worker);
    if (kase.appealOfDecisionId && (await this.isOriginalDecider(m, caseId, worker.id))) {
      throw new DomainException('original_decider');
    }
    return kase;
  }

  /**
   * Locks a case that `worker` works (its assignee, or a lead) before anything else is said about
   * it: someone else's case answers `not_assignee`, whatever its state or version.
   */
  async lockOwn(m: EntityManager, caseId: string, worker: CaseWorker): Promise<CaseRecord> {
    const kase = await this.lock(m, caseId);
    if (!kase) throw new DomainException('case_not_found');
    this.assertAssigneeOrLead(kase, worker);
    if (kase.dataPurged) throw new DomainException('data_purged');
    return kase;
  }

  assertAssigneeOrLead(kase: CaseRecord, worker: CaseWorker): void {
    if (!isAssigneeOrLead(kase.assigneeId, worker)) {
      throw new DomainException('not_assignee');
    }
  }

  /** On an appeal case, whether `staffId` took or approved the appealed decision. */
  async isOriginalDecider(m: EntityManager, caseId: string, staffId: string): Promise<boolean> {
    const rows: { id: string | null }[] = await m.query(
      `SELECT unnest(ARRAY[d.decided_by, d.reviewed_by]) AS id FROM moderation_case c
         JOIN decision d ON d.id = c.appeal_of_decision_id WHERE c.id = $1`,
      [caseId],
    );
    return rows.some((r) => r.id === staffId);
  }

  // Assignment.

  /** Takes an unassigned, open case for `worker`; two moderators claiming at once: the row update decides, the other gets a 409. */
  async claim(m: EntityManager, id: string, worker: CaseWorker, version: number | undefined, at: Date): Promise<void> {
    const staffId = worker.id;
    await this.refuseOriginalDecider(m, id, staffId, worker);
    const claimed: unknown[] = await m.query(
      `WITH claimed AS (
         UPDATE moderation_case SET assignee_id = $2, version = version + 1,
                status = CASE WHEN status = 'open' THEN 'in_review' ELSE status END,
                last_activity_at = GREATEST(last_activity_at, $4)
          WHERE id = $1 AND assignee_id IS NULL AND status IN ('open', 'in_review')
            AND ($3::int IS NULL OR version = $3)
          RETURNING id)
       SELECT id FROM claimed`,
      [id, staffId, version ?? null, at],
    );
    if (claimed.length > 0) return;
    await this.settle(m, id, await this.whyNot(m, id, version, (row) => (row.assignee_id !== null ? 'already_assigned' : undefined)), worker);
  }

  /** `lead` sets (or clears) the assignee of a case that is not closed. */
  async assign(m: EntityManager, id: string, assigneeId: string | null, version: number | undefined, at: Date, lead: CaseWorker): Promise<void> {
    if (assigneeId) await this.refuseOriginalDecider(m, id, assigneeId, lead);
    const assigned: unknown[] = await m.query(
      `WITH assigned AS (
         UPDATE moderation_case SET assignee_id = $2, version = version + 1,
                last_activity_at = GREATEST(last_activity_at, $4)
          WHERE id = $1 AND status <> 'closed' AND ($3::int IS NULL OR version = $3)
          RETURNING id)
       SELECT id FROM assigned`,
      [id, assigneeId, version ?? null, at],
    );
    if (assigned.length > 0) return;
    await this.settle(m, id, await this.whyNot(m, id, version, () => undefined), lead);
  }

  /** Takes an open, unassigned case for `staffId` (bulk actions, on a case already locked). */
  async take(m: EntityManager, caseId: string, staffId: string, at: Date): Promise<void> {
    await m.query(
      `UPDATE moderation_case SET assignee_id = $2, status = 'in_review', version = version + 1, last_activity_at = GREATEST(last_activity_at, $3)
        WHERE id = $1 AND assignee_id IS NULL AND status = 'open'`,
      [caseId, staffId, at],
    );
  }

  // Status and activity.

  /** Moves the case; staff actions keep it alive for retention. */
  async setStatus(m: EntityManager, caseId: string, status: CaseStatus, at: Date, closeReason: string | null): Promise<void> {
    await m.query(
      `UPDATE moderation_case SET status = $2, version = version + 1, last_activity_at = GREATEST(last_activity_at, $3),
              close_reason = $4, closed_at = CASE WHEN $2 = 'closed' THEN $3::timestamptz ELSE NULL END
        WHERE id = $1`,
      [caseId, status, at, closeReason],
    );
  }

  /** Bumps the version and the activity of a case whose status stays (a proposal, a note). */
  async touch(m: EntityManager, caseId: string, at: Date): Promise<void> {
    await m.query(`UPDATE moderation_case SET version = version + 1, last_activity_at = GREATEST(last_activity_at, $2) WHERE id = $1`, [caseId, at]);
  }

  /** Activity that changes nothing a moderator edits (a conversation read): the version stays. */
  async recordActivity(m: EntityManager, caseId: string, at: Date): Promise<void> {
    await m.query(`UPDATE moderation_case SET last_activity_at = GREATEST(last_activity_at, $2) WHERE id = $1`, [caseId, at]);
  }

  // Intake.

  /** The conversation's open case, opened now if there is none; its last activity moves forward. */
  async openForConversation(m: EntityManager, conversationId: string, activityAt: Date, openedAt: Date): Promise<{ id: string; created: boolean }> {
    const rows: { id: string; created: boolean }[] = await m.query(
      `INSERT INTO moderation_case (conversation_id, status, priority, created_at, last_activity_at)
       VALUES ($1, 'open', 0, $3, $2)
       ON CONFLICT (conversation_id) WHERE status <> 'closed' AND appeal_of_decision_id IS NULL
       DO UPDATE SET last_activity_at = GREATEST(moderation_case.last_activity_at, EXCLUDED.last_activity_at)
       RETURNING id, (xmax = 0) AS created`,
      [conversationId, activityAt, openedAt],
    );
    return rows[0];
  }

  /**
   * What the case's reports add up to. Priority: the worst category among them, plus 25 per
   * further distinct reporter. Categories: the distinct ones, kept on the case for the queue's
   * category filter (an index on the case instead of a semi-join over every report).
   */
  async refreshPriority(m: EntityManager, caseId: string): Promise<void> {
    await m.query(
      `UPDATE moderation_case c SET priority = p.priority, categories = p.categories
         FROM (SELECT max(${SEVERITY_SQL}) + 25 * (count(DISTINCT reporter_id) - 1) AS priority,
                      array_agg(DISTINCT category ORDER BY category) AS categories
                 FROM report WHERE case_id = $1) p
        WHERE c.id = $1`,
      [caseId],
    );
  }

  /** The platform's activity signals: the cases of these users' conversations follow their latest activity. Returns the cases moved. */
  async followUsersActivity(m: EntityManager, userIds: string[]): Promise<string[]> {
    const cases: { id: string }[] = await m.query(
      `WITH latest AS (
         SELECT p.conversation_id, max(u.last_activity_at) AS at
           FROM conversation_participant p JOIN platform_user u ON u.id = p.user_id
          WHERE u.id = ANY($1::uuid[]) GROUP BY p.conversation_id),
       touched AS (
         UPDATE moderation_case c SET last_activity_at = latest.at
           FROM latest
          WHERE c.conversation_id = latest.conversation_id AND c.data_purged_at IS NULL AND latest.at > c.last_activity_at
          RETURNING c.id)
       SELECT id FROM touched`,
      [userIds],
    );
    return cases.map((c) => c.id);
  }

  // Appeals.

  /** A case of its own for an appeal against `decision`, on the same conversation and at the same priority. */
  async openAppealCase(m: EntityManager, decision: { id: string; conversationId: string; priority: number }, at: Date): Promise<string> {
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO moderation_case (conversation_id, status, priority, created_at, last_activity_at, appeal_of_decision_id)
       VALUES ($1, 'open', $2, $3, $3, $4) RETURNING id`,
      [decision.conversationId, decision.priority, at, decision.id],
    );
    return row.id;
  }

  // Retention.

  /** Closes those of `ids` still open as expired, each with its timeline event; returns how many it closed. */
  async closeExpired(m: EntityManager, ids: string[], at: Date, runId: string, closeReason: 'retention_expired' | 'erasure_requested' = 'retention_expired'): Promise<number> {
    const [row]: { n: string }[] = await m.query(
      `WITH closed AS (
         UPDATE moderation_case SET status = 'closed', close_reason = $4, closed_at = $2, version = version + 1
          WHERE id = ANY ($1::uuid[]) AND status <> 'closed' RETURNING id),
       events AS (
         INSERT INTO case_event (case_id, at, type, data)
         SELECT id, $2, 'retention_closed', jsonb_build_object('runId', $3::text) FROM closed RETURNING 1)
       SELECT count(*) AS n FROM events`,
      [ids, at, runId, closeReason],
    );
    return Number(row.n);
  }

  /** Marks the cases' personal data erased (the hold's reason may name people). */
  async markPurged(m: EntityManager, ids: string[], at: Date): Promise<void> {
    await m.query(`UPDATE moderation_case SET data_purged_at = $2, legal_hold_reason = NULL WHERE id = ANY ($1::uuid[])`, [ids, at]);
  }

  /** Places (`hold` given) or lifts (`hold` null) a legal hold; says why not when it cannot. */
  async setLegalHold(m: EntityManager, caseId: string, hold: { reason: string; by: string; at: Date } | null): Promise<LegalHoldOutcome> {
    const [row]: { legal_hold: boolean; purged: boolean }[] = await m.query(
      `SELECT legal_hold, data_purged_at IS NOT NULL AS purged FROM moderation_case WHERE id = $1 FOR NO KEY UPDATE`,
      [caseId],
    );
    if (!row) return 'not_found';
    if (row.purged) return 'data_purged';
    if (hold && row.legal_hold) return 'legal_hold_exists';
    if (!hold && !row.legal_hold) return 'no_legal_hold';
    await m.query(
      `UPDATE moderation_case SET legal_hold = $2, legal_hold_reason = $3, legal_hold_by = $4, legal_hold_at = $5, version = version + 1
        WHERE id = $1`,
      [caseId, hold !== null, hold?.reason ?? null, hold?.by ?? null, hold?.at ?? null],
    );
    return 'done';
  }

  // Why a claim or an assignment did not happen.

  /** An appeal is reviewed by someone other than who took (or approved) the appealed decision. */
  private async refuseOriginalDecider(m: EntityManager, id: string, staffId: string, caller: CaseWorker): Promise<void> {
    if (await this.isOriginalDecider(m, id, staffId)) {
      throw new DomainException('original_decider', { details: { case: await this.currentFor(m, id, caller) } });
    }
  }

  /** The case as it is now, as `worker` may see it (no notes or hold reasons that are not theirs to read). */
  private async currentFor(m: EntityManager, id: string, worker: CaseWorker) {
    const detail = await this.cases.findDetail(id, m);
    return detail && caseSeenBy(detail, worker);
  }

  private async whyNot(
    m: EntityManager,
    id: string,
    version: number | undefined,
    other: (row: { assignee_id: string | null }) => ClaimOutcome | undefined,
  ): Promise<ClaimOutcome> {
    const [row]: { status: string; assignee_id: string | null; version: number }[] = await m.query(
      `SELECT status, assignee_id, version FROM moderation_case WHERE id = $1`,
      [id],
    );
    if (!row) return 'not_found';
    if (row.status === 'closed') return 'closed';
    return other(row) ?? (version !== undefined && row.version !== version ? 'stale_version' : 'already_assigned');
  }

  private async settle(m: EntityManager, id: string, outcome: ClaimOutcome, worker: CaseWorker): Promise<void> {
    if (outcome === 'claimed') return;
    if (outcome === 'not_found') throw new DomainException('case_not_found');
    throw new DomainException(outcome, { details: { case: await this.currentFor(m, id, worker) } });
  }
}
