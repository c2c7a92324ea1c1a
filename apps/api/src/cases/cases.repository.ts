import { Injectable } from '@nestjs/common';
import { CASE_COUNT_LIMIT, type CaseDetail, type CaseEvent, type CaseListItem, type CaseListQuery, type CaseListResponse, type CaseParticipant, type CaseReport } from '@vigie/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { DECISION_SELECT, type DecisionRow, NOTE_SELECT, type NoteRow, toDecision, toNote } from './decision-rows';
import { addCaseEvent } from './case-timeline';

const SORT_COLUMNS: Record<CaseListQuery['sort'], string> = {
  priority: 'c.priority',
  createdAt: 'c.created_at',
  lastActivityAt: 'c.last_activity_at',
};

/**
 * The queue's row: the case, what its reports add up to, the reported user, the assignee — for
 * the cases of `source` (all of them, or a page already cut, so that the aggregates are computed
 * for the page's rows only, however deep the page).
 */
const listSelect = (source = 'moderation_case') => `
  SELECT c.id, c.status, c.priority, c.created_at, c.last_activity_at, c.legal_hold, c.version, c.appeal_of_decision_id,
         c.assignee_id, s.name AS assignee_name,
         agg.categories, agg.report_count, agg.reporter_count,
         ru.id AS reported_id, ru.external_id AS reported_external_id, ru.kind AS reported_kind,
         ru.display_name AS reported_display_name
    FROM ${source} c
    LEFT JOIN staff_user s ON s.id = c.assignee_id
    CROSS JOIN LATERAL (
      SELECT array_agg(DISTINCT r.category ORDER BY r.category) AS categories,
             count(*)::int AS report_count,
             count(DISTINCT r.reporter_id)::int AS reporter_count,
             (array_agg(r.reported_id ORDER BY r.reported_at DESC))[1] AS reported_id
        FROM report r WHERE r.case_id = c.id) agg
    LEFT JOIN platform_user ru ON ru.id = agg.reported_id`;

interface ListRow {
  id: string;
  status: CaseListItem['status'];
  priority: number;
  created_at: Date;
  last_activity_at: Date;
  legal_hold: boolean;
  version: number;
  appeal_of_decision_id: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  categories: CaseListItem['categories'] | null;
  report_count: number;
  reporter_count: number;
  reported_id: string | null;
  reported_external_id: string | null;
  reported_kind: CaseParticipant['kind'];
  reported_display_name: string | null;
}

/** Every query of the queue and the case page (their changes go through CaseRecordRepository). None of them reads message bodies. */
@Injectable()
export class CasesRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async list(query: CaseListQuery, staffId: string): Promise<CaseListResponse> {
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;

    where.push(`c.status = ANY(${param(query.status ?? ['open', 'in_review'])}::text[])`);
    if (query.category) {
      where.push(`c.categories && ${param(query.category)}::text[]`);
    }
    if (query.priorityMin !== undefined) where.push(`c.priority >= ${param(query.priorityMin)}`);
    if (query.assignee) where.push(`c.assignee_id = ${param(query.assignee)}`);
    if (query.mine) where.push(`c.assignee_id = ${param(staffId)}`);
    if (query.unassigned) where.push(`c.assignee_id IS NULL`);
    if (query.reportedUser) {
      where.push(`EXISTS (SELECT 1 FROM report r JOIN platform_user u ON u.id = r.reported_id
                           WHERE r.case_id = c.id AND u.external_id = ${param(query.reportedUser)})`);
    }
    if (query.createdFrom) where.push(`c.created_at >= ${param(query.createdFrom)}`);
    if (query.createdTo) where.push(`c.created_at < ${param(query.createdTo)}`);
    if (query.lastActivityFrom) where.push(`c.last_activity_at >= ${param(query.lastActivityFrom)}`);
    if (query.lastActivityTo) where.push(`c.last_activity_at < ${param(query.lastActivityTo)}`);

    const filter = `WHERE ${where.join(' AND ')}`;
    // Equal priorities: the oldest case first, as a queue should.
    const tieBreak = query.sort === 'priority' ? ', c.created_at ASC' : '';
    const order = `ORDER BY ${SORT_COLUMNS[query.sort]} ${query.order}${tieBreak}, c.id`;
    const countParams = [...params];
    const page = `LIMIT ${param(query.perPage)} OFFSET ${param((query.page - 1) * query.perPage)}`;

    // The page's ids first (an index-only walk over the skipped rows when the visibility map
    // allows), then the rows of those 25 only; the count stops one past the limit.
    const pageIds = `(SELECT c.id FROM moderation_case c ${filter} ${order} ${page})`;
    const [rows, count] = await Promise.all([
      this.dataSource.query(`${listSelect(`(SELECT c.* FROM moderation_case c WHERE c.id IN ${pageIds})`)} ${order}`, params) as Promise<ListRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM (SELECT 1 FROM moderation_case c ${filter} LIMIT ${CASE_COUNT_LIMIT + 1}) counted`, countParams) as Promise<
        { total: number }[]
      >,
    ]);
    const total = count[0].total;
    return { data: rows.map(toListItem), total: Math.min(total, CASE_COUNT_LIMIT), totalCapped: total > CASE_COUNT_LIMIT };
  }

  async findDetail(id: string, m: EntityManager = this.dataSource.manager): Promise<CaseDetail | undefined> {
    const [row]: (ListRow & { conversation_external_id: string; close_reason: CaseDetail['closeReason']; closed_at: Date | null; message_count: number;
      data_purged_at: Date | null; restricted: boolean; legal_hold_reason: string | null; legal_hold_at: Date | null; legal_hold_by: string | null; legal_hold_by_name: string | null })[] =
      await m.query(
        `SELECT base.*, v.external_id AS conversation_external_id, c.close_reason, c.closed_at, c.data_purged_at, case_restricted(c.id) AS restricted,
                c.legal_hold_reason, c.legal_hold_at, c.legal_hold_by, hs.name AS legal_hold_by_name,
                (SELECT count(*)::int FROM message WHERE conversation_id = c.conversation_id) AS message_count
           FROM (${listSelect()} WHERE c.id = $1) base
           JOIN moderation_case c ON c.id = base.id
           JOIN conversation v ON v.id = c.conversation_id
           LEFT JOIN staff_user hs ON hs.id = c.legal_hold_by`,
        [id],
      );
    if (!row) return undefined;
    const [participants, reports, timeline, decisions, notes, appeal] = await Promise.all([
      m.query(
        `SELECT u.id, u.external_id, u.kind, u.display_name FROM moderation_case c
           JOIN conversation_participant p ON p.conversation_id = c.conversation_id
           JOIN platform_user u ON u.id = p.user_id WHERE c.id = $1 ORDER BY u.external_id`,
        [id],
      ) as Promise<ParticipantRow[]>,
      m.query(
        `SELECT r.id, r.external_id, r.category, r.comment, r.cleaned_fields, r.reported_message_ids, r.reported_at, r.received_at,
                a.id AS a_id, a.external_id AS a_external_id, a.kind AS a_kind, a.display_name AS a_display_name,
                b.id AS b_id, b.external_id AS b_external_id, b.kind AS b_kind, b.display_name AS b_display_name
           FROM report r JOIN platform_user a ON a.id = r.reporter_id JOIN platform_user b ON b.id = r.reported_id
          WHERE r.case_id = $1 ORDER BY r.reported_at, r.id`,
        [id],
      ) as Promise<ReportRow[]>,
      m.query(
        `SELECT e.id::text AS id, e.at, e.type, e.data, s.id AS actor_id, s.name AS actor_name
           FROM case_event e LEFT JOIN staff_user s ON s.id = e.actor_staff_id
          WHERE e.case_id = $1 ORDER BY e.at, e.id`,
        [id],
      ) as Promise<EventRow[]>,
      m.query(`${DECISION_SELECT} WHERE d.case_id = $1 ORDER BY d.decided_at, d.id`, [id]) as Promise<DecisionRow[]>,
      m.query(`${NOTE_SELECT} WHERE n.case_id = $1 ORDER BY n.created_at, n.id`, [id]) as Promise<NoteRow[]>,
      m.query(
        `SELECT a.statement, a.submitted_at, u.external_id AS appellant_external_id, a.decision_id
           FROM appeal a JOIN platform_user u ON u.id = a.appellant_id WHERE a.case_id = $1`,
        [id],
      ) as Promise<{ statement: string | null; submitted_at: Date; appellant_external_id: string; decision_id: string }[]>,
    ]);
    const [appealed] = appeal[0]
      ? ((await m.query(`${DECISION_SELECT} WHERE d.id = $1`, [appeal[0].decision_id])) as DecisionRow[])
      : [];
    return {
      ...toListItem(row),
      conversationExternalId: row.conversation_external_id,
      messageCount: row.message_count,
      closeReason: row.close_reason,
      closedAt: row.closed_at?.toISOString() ?? null,
      dataPurgedAt: row.data_purged_at?.toISOString() ?? null,
      restricted: row.restricted,
      legalHoldDetail:
        row.legal_hold && row.legal_hold_reason !== null && row.legal_hold_at !== null
          ? {
              reason: row.legal_hold_reason,
              placedAt: row.legal_hold_at.toISOString(),
              placedBy: row.legal_hold_by ? { id: row.legal_hold_by, name: row.legal_hold_by_name ?? '' } : null,
            }
          : null,
      participants: participants.map((p) => participant(p.id, p.external_id, p.kind, p.display_name)),
      reports: reports.map(toReport),
      timeline: timeline.map(toEvent),
      decisions: decisions.map(toDecision),
      notes: notes.map(toNote),
      appeal:
        appeal[0] && appealed
          ? {
              decision: toDecision(appealed),
              appellantExternalId: appeal[0].appellant_external_id,
              statement: appeal[0].statement,
              submittedAt: appeal[0].submitted_at.toISOString(),
            }
          : null,
    };
  }

  addEvent(m: EntityManager, caseId: string, type: string, actorId: string, at: Date, data: Record<string, unknown> = {}): Promise<void> {
    return addCaseEvent(m, caseId, type, actorId, at, data);
  }

  /** Active staff who can be given cases. */
  assignees(): Promise<{ id: string; name: string; roles: string[] }[]> {
    return this.dataSource.query(
      `SELECT id, name, roles FROM staff_user
        WHERE disabled_at IS NULL AND roles && ARRAY['moderator', 'lead']::text[] ORDER BY name`,
    );
  }
}

interface ParticipantRow {
  id: string;
  external_id: string;
  kind: CaseParticipant['kind'];
  display_name: string | null;
}

interface ReportRow {
  id: string;
  external_id: string;
  category: CaseReport['category'];
  comment: string | null;
  cleaned_fields: string[];
  reported_message_ids: string[];
  reported_at: Date;
  received_at: Date;
  a_id: string;
  a_external_id: string;
  a_kind: CaseParticipant['kind'];
  a_display_name: string | null;
  b_id: string;
  b_external_id: string;
  b_kind: CaseParticipant['kind'];
  b_display_name: string | null;
}

interface EventRow {
  id: string;
  at: Date;
  type: string;
  data: Record<string, unknown>;
  actor_id: string | null;
  actor_name: string | null;
}

function participant(id: string, externalId: string, kind: CaseParticipant['kind'], displayName: string | null): CaseParticipant {
  return { id, externalId, kind, displayName };
}

function toListItem(row: ListRow): CaseListItem {
  return {
    id: row.id,
    status: row.status,
    priority: row.priority,
    categories: row.categories ?? [],
    reportCount: row.report_count,
    reporterCount: row.reporter_count,
    reportedUser: row.reported_id
      ? participant(row.reported_id, row.reported_external_id as string, row.reported_kind, row.reported_display_name)
      : null,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    lastActivityAt: row.last_activity_at.toISOString(),
    legalHold: row.legal_hold,
    appealOfDecisionId: row.appeal_of_decision_id,
    version: row.version,
  };
}

function toReport(row: ReportRow): CaseReport {
  return {
    id: row.id,
    externalId: row.external_id,
    category: row.category,
    comment: row.comment,
    cleanedFields: row.cleaned_fields,
    reporter: participant(row.a_id, row.a_external_id, row.a_kind, row.a_display_name),
    reported: participant(row.b_id, row.b_external_id, row.b_kind, row.b_display_name),
    reportedMessageIds: row.reported_message_ids,
    reportedAt: row.reported_at.toISOString(),
    receivedAt: row.received_at.toISOString(),
  };
}

function toEvent(row: EventRow): CaseEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    type: row.type,
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
    data: row.data,
  };
}
