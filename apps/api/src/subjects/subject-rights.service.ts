import { Injectable, Logger } from '@nestjs/common';
import type {
  RetentionRun,
  SubjectErasurePreview,
  SubjectErasureRequest,
  SubjectRestriction,
  SubjectRestrictionLiftRequest,
  SubjectRestrictionRequest,
} from '@vigie/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainException } from '../common/domain.exception';
import type { RequestClient } from '../common/request-client.decorator';
import { StaffActivityRepository } from '../journal/staff-activity.repository';
import { RetentionRepository } from '../retention/retention.repository';
import { SubjectsRepository } from './subjects.repository';

/**
 * The person's cases: those they reported or were reported in, the appeals they lodged, and the
 * appeals against decisions on those cases — not yet erased. `$1` is the person's internal id.
 */
const PERSON_CASES = `
  WITH own AS (
    SELECT r.case_id AS id FROM report r WHERE r.reporter_id = $1 OR r.reported_id = $1
    UNION SELECT a.case_id FROM appeal a WHERE a.appellant_id = $1),
  cases AS (
    SELECT id FROM own
    UNION SELECT ac.id FROM moderation_case ac JOIN decision d ON d.id = ac.appeal_of_decision_id WHERE d.case_id IN (SELECT id FROM own))
  SELECT c.id,
         (c.legal_hold
          OR (c.appeal_of_decision_id IS NOT NULL AND c.status <> 'closed')
          OR EXISTS (SELECT 1 FROM moderation_case ac JOIN decision d ON d.id = ac.appeal_of_decision_id
                      WHERE d.case_id = c.id AND ac.status <> 'closed')) AS held
    FROM moderation_case c
   WHERE c.id IN (SELECT id FROM cases) AND c.data_purged_at IS NULL
   ORDER BY c.created_at, c.id`;

interface Actor {
  id: string;
}

/**
 * A person's other rights (GDPR Art. 17, 18, 21), exercised by the DPO: erasure ahead of the
 * retention period — the sweeper's own purge, recorded as a run with the request's reference —
 * and restriction of processing, which the gate (and the database under it) enforces. The staff
 * journal records each with the reference and counts, never the person.
 */
@Injectable()
export class SubjectRightsService {
  private readonly logger = new Logger('SubjectRights');

  constructor(
    private readonly subjects: SubjectsRepository,
    private readonly retention: RetentionRepository,
    private readonly journal: StaffActivityRepository,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  private async userId(externalId: string): Promise<string> {
    const subject = await this.subjects.subject(externalId);
    if (!subject) throw new DomainException('subject_not_found');
    return subject.id;
  }

  private async personCases(m: EntityManager, userId: string, lock: boolean): Promise<{ id: string; held: boolean }[]> {
    if (lock) {
      // The cases' rows, locked in the order the sweeper takes them.
      await m.query(`SELECT c.id FROM moderation_case c WHERE c.id IN (SELECT id FROM (${PERSON_CASES}) p) ORDER BY c.id FOR UPDATE`, [userId]);
    }
    return m.query(PERSON_CASES, [userId]);
  }

  async previewErasure(externalId: string, actor: Actor, client: RequestClient): Promise<SubjectErasurePreview> {
    const userId = await this.userId(externalId);
    const cases = await this.personCases(this.dataSource.manager, userId, false);
    const caseIds = cases.map((c) => c.id);
    const [{ messages, reports }]: { messages: number; reports: number }[] = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM message m WHERE m.conversation_id IN (SELECT conversation_id FROM moderation_case WHERE id = ANY ($1::uuid[]))) AS messages,
              (SELECT count(*)::int FROM report r WHERE r.case_id = ANY ($1::uuid[])) AS reports`,
      [caseIds],
    );
    const preview = { caseIds, heldCaseIds: cases.filter((c) => c.held).map((c) => c.id), messages, reports };
    await this.journal.record('subject.erasure_previewed', {
      actorId: actor.id,
      ip: client.ip,
      userAgent: client.userAgent,
      details: { cases: caseIds.length, held: preview.heldCaseIds.length },
    });
    return preview;
  }

  /**
   * Erases the person's cases now, all or nothing: refused while any of them is held. One run of
   * retention, `request`-triggered, in one transaction (rolled back when dry).
   */
  async erase(externalId: string, request: SubjectErasureRequest, actor: Actor, client: RequestClient): Promise<RetentionRun> {
    const userId = await this.userId(externalId);
    // Retention's runner: an erasure on request and a sweep never run at once.
    const { runner, unlock } = await this.retention.lockRunner();
    let runId: string | undefined;
    try {
      const at = this.clock.now();
      await runner.startTransaction();
      const cases = await this.personCases(runner.manager, userId, true);
      const held = cases.filter((c) => c.held).map((c) => c.id);
      if (held.length > 0) throw new DomainException('subject_cases_held', { details: { caseIds: held } });
      runId = await this.retention.insertRun({
        startedAt: at,
        cutoff: at,
        dryRun: request.dryRun,
        trigger: 'request',
        startedBy: actor.id,
        casesDue: cases.length,
        reference: request.reference,
      });
      const ids = cases.map((c) => c.id);
      const counts = await this.retention.purgeCases(runner.manager, ids, at, runId, 'erasure_requested');
      if (request.dryRun) await runner.rollbackTransaction();
      else await runner.commitTransaction();
      await this.retention.updateRun(runId, { batches: ids.length > 0 ? 1 : 0, counts, status: 'completed', finishedAt: this.clock.now() });
      await this.journal.record('subject.erased', {
        actorId: actor.id,
        ip: client.ip,
        userAgent: client.userAgent,
        details: { reference: request.reference, runId, dryRun: request.dryRun, cases: counts.casesPurged, counts },
      });
      this.logger.log(`Erasure on request, run ${runId}${request.dryRun ? ' (dry)' : ''}: ${counts.casesPurged} cases`);
      return (await this.retention.run(runId)) as RetentionRun;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      if (runId && !(error instanceof DomainException)) {
        const message = error instanceof Error ? `${error.name}: ${(error as { code?: string }).code ?? ''}`.trim() : 'unknown error';
        await this.retention.updateRun(runId, { batches: 0, counts: (await this.retention.run(runId))?.counts ?? ({} as never), status: 'failed', finishedAt: this.clock.now(), error: message }).catch(() => undefined);
      }
      throw error;
    } finally {
      await unlock();
    }
  }

  async restriction(userId: string): Promise<SubjectRestriction | null> {
    const [row]: { reason: string; reference: string; restricted_at: Date; restricted_by: string | null; name: string | null }[] = await this.dataSource.query(
      `SELECT s.reason, s.reference, s.restricted_at, s.restricted_by, u.name
         FROM subject_restriction s LEFT JOIN staff_user u ON u.id = s.restricted_by
        WHERE s.user_id = $1 AND s.lifted_at IS NULL`,
      [userId],
    );
    if (!row) return null;
    return {
      reason: row.reason,
      reference: row.reference,
      restrictedAt: row.restricted_at.toISOString(),
      restrictedBy: row.restricted_by ? { id: row.restricted_by, name: row.name ?? '' } : null,
    };
  }

  async restrict(externalId: string, request: SubjectRestrictionRequest, actor: Actor, client: RequestClient): Promise<{ restriction: SubjectRestriction }> {
    const userId = await this.userId(externalId);
    const at = this.clock.now();
    try {
      await this.dataSource.query(
        `INSERT INTO subject_restriction (user_id, reason, reference, restricted_by, restricted_at) VALUES ($1, $2, $3, $4, $5)`,
        [userId, request.reason, request.reference, actor.id, at],
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new DomainException('restriction_exists');
      throw error;
    }
    const [{ cases }]: { cases: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS cases FROM moderation_case c WHERE c.data_purged_at IS NULL AND case_restricted(c.id)
          AND c.conversation_id IN (SELECT p.conversation_id FROM conversation_participant p WHERE p.user_id = $1
                                    UNION SELECT r.conversation_id FROM report r WHERE $1 IN (r.reporter_id, r.reported_id))`,
      [userId],
    );
    await this.journal.record('subject.restricted', {
      actorId: actor.id,
      ip: client.ip,
      userAgent: client.userAgent,
      details: { reference: request.reference, cases },
    });
    return { restriction: (await this.restriction(userId)) as SubjectRestriction };
  }

  async lift(externalId: string, request: SubjectRestrictionLiftRequest, actor: Actor, client: RequestClient): Promise<{ restriction: null }> {
    const userId = await this.userId(externalId);
    const lifted: { reference: string }[] = await this.dataSource.query(
      // Through a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
      `WITH lifted AS (
         UPDATE subject_restriction SET lifted_by = $2, lifted_at = $3, lift_reason = $4 WHERE user_id = $1 AND lifted_at IS NULL RETURNING reference)
       SELECT reference FROM lifted`,
      [userId, actor.id, this.clock.now(), request.reason],
    );
    if (lifted.length === 0) throw new DomainException('no_restriction');
    await this.journal.record('subject.restriction_lifted', {
      actorId: actor.id,
      ip: client.ip,
      userAgent: client.userAgent,
      details: { reference: lifted[0].reference },
    });
    return { restriction: null };
  }
}
