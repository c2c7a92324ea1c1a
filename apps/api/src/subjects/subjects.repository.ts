import { Injectable } from '@nestjs/common';
import type { PlatformUserKind, ReportCategory, SubjectAccess, SubjectCase, SubjectRole, SubjectSummary } from '@vigie/contracts';
import { DataSource } from 'typeorm';

/** Text compared without case or accents: decomposed (NFD), combining marks dropped, lower case. */
const fold = (expression: string) => `lower(regexp_replace(normalize(${expression}, NFD), '[\\u0300-\\u036f]', '', 'g'))`;

/** A LIKE pattern's wildcards taken literally. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** People whose data retention erased carry a pseudonym: nobody finds them, by their old name or otherwise. */
const NOT_ERASED = `u.external_id NOT LIKE 'erased:%'`;

export interface SubjectRow {
  id: string;
  externalId: string;
  displayName: string | null;
  kind: PlatformUserKind | null;
}

interface AccessRow {
  sequence: string;
  at: Date;
  case_id: string | null;
  outcome: SubjectAccess['outcome'];
  reason: string | null;
  purpose: string;
  legal_basis: string;
  scope_kind: 'context' | 'full' | null;
  message_count: number | null;
  own_message_count: number | null;
  staff_roles: string[];
  staff_id: string;
  staff_name: string | null;
  lia_version: number | null;
}

/** The content role an entry was written under: what let its author near the conversation. */
export function contentRole(roles: readonly string[]): string {
  if (roles.includes('lead')) return 'lead';
  if (roles.includes('moderator')) return 'moderator';
  return roles[0] ?? 'unknown';
}

/** The queries of a person's access report. Reads only: the register, the cases, the people. */
@Injectable()
export class SubjectsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async search(q: string, limit: number, offset: number): Promise<{ data: SubjectSummary[]; total: number }> {
    const rows: (SubjectSummary & { total: number })[] = await this.dataSource.query(
      `WITH found AS (
         SELECT u.id, u.external_id, u.display_name FROM platform_user u
          WHERE ${NOT_ERASED}
            AND (lower(u.external_id) LIKE lower($1) || '%' OR ${fold('u.display_name')} LIKE '%' || ${fold('$1')} || '%'))
       SELECT f.external_id AS "externalId", f.display_name AS "displayName",
              (SELECT count(DISTINCT r.case_id)::int FROM report r WHERE r.reporter_id = f.id) AS "casesAsReporter",
              (SELECT count(DISTINCT r.case_id)::int FROM report r WHERE r.reported_id = f.id) AS "casesAsReported",
              count(*) OVER ()::int AS total
         FROM found f ORDER BY f.external_id LIMIT $2 OFFSET $3`,
      [likeLiteral(q), limit, offset],
    );
    if (rows.length === 0 && offset > 0) {
      const [{ total }]: { total: number }[] = await this.dataSource.query(
        `SELECT count(*)::int AS total FROM platform_user u
          WHERE ${NOT_ERASED} AND (lower(u.external_id) LIKE lower($1) || '%' OR ${fold('u.display_name')} LIKE '%' || ${fold('$1')} || '%')`,
        [likeLiteral(q)],
      );
      return { data: [], total };
    }
    return { data: rows.map(({ total: _total, ...summary }) => summary), total: rows[0]?.total ?? 0 };
  }

  async subject(externalId: string): Promise<SubjectRow | undefined> {
    const [row]: SubjectRow[] = await this.dataSource.query(
      `SELECT u.id, u.external_id AS "externalId", u.display_name AS "displayName", u.kind
         FROM platform_user u WHERE u.external_id = $1 AND ${NOT_ERASED}`,
      [externalId],
    );
    return row;
  }

  /**
   * The cases the person is part of: as reporter or reported (their reports, appeals of those
   * cases' decisions included), or as a participant of the case's conversation. The others of the
   * conversation are counted, never named.
   */
  async cases(userId: string): Promise<SubjectCase[]> {
    const rows: {
      case_id: string;
      roles: SubjectRole[];
      status: SubjectCase['status'];
      created_at: Date;
      last_activity_at: Date;
      data_purged_at: Date | null;
      categories: ReportCategory[];
      others: number;
    }[] = await this.dataSource.query(
      `WITH mine AS (
         SELECT r.case_id, 'reporter' AS role FROM report r WHERE r.reporter_id = $1
         UNION SELECT r.case_id, 'reported' FROM report r WHERE r.reported_id = $1
         UNION SELECT c.id, 'participant' FROM moderation_case c
                 JOIN conversation_participant p ON p.conversation_id = c.conversation_id WHERE p.user_id = $1),
       with_appeals AS (
         SELECT case_id, role FROM mine
         UNION SELECT a.id, m.role FROM mine m JOIN decision d ON d.case_id = m.case_id JOIN moderation_case a ON a.appeal_of_decision_id = d.id)
       SELECT c.id AS case_id, array_agg(DISTINCT w.role) AS roles, c.status, c.created_at, c.last_activity_at, c.data_purged_at,
              ARRAY(SELECT DISTINCT r.category FROM report r
                     WHERE r.case_id = c.id OR r.case_id = (SELECT d.case_id FROM decision d WHERE d.id = c.appeal_of_decision_id)
                     ORDER BY 1) AS categories,
              (SELECT count(*)::int FROM conversation_participant p WHERE p.conversation_id = c.conversation_id AND p.user_id <> $1) AS others
         FROM with_appeals w JOIN moderation_case c ON c.id = w.case_id
        GROUP BY c.id ORDER BY c.created_at, c.id`,
      [userId],
    );
    return rows.map((row) => ({
      caseId: row.case_id,
      roles: rolesOf(row.roles),
      status: row.status,
      openedAt: row.created_at.toISOString(),
      lastActivityAt: row.last_activity_at.toISOString(),
      categories: row.categories,
      otherParticipants: row.others,
      dataPurgedAt: row.data_purged_at?.toISOString() ?? null,
    }));
  }

  /**
   * Every register entry that concerns the person, oldest first: those naming them among their
   * subjects (any participant of a conversation read), and every entry about one of their cases
   * (a refusal may have been recorded before the conversation was known). Of a `read` entry's
   * messages, those the person wrote are counted.
   */
  async accesses(userId: string, caseIds: readonly string[], rolesByCase: ReadonlyMap<string, SubjectRole[]>): Promise<SubjectAccess[]> {
    const rows: AccessRow[] = await this.dataSource.query(
      `SELECT l.sequence::text AS sequence, l.at, l.case_id, l.outcome, l.reason, l.purpose, l.legal_basis,
              l.scope->>'kind' AS scope_kind, (l.scope->>'messageCount')::int AS message_count,
              CASE WHEN jsonb_typeof(l.scope->'messageIds') = 'array' THEN
                (SELECT count(*)::int FROM message msg
                  WHERE msg.author_id = $1
                    AND msg.id::text IN (SELECT jsonb_array_elements_text(l.scope->'messageIds')))
              END AS own_message_count,
              l.staff_roles, l.staff_id, s.name AS staff_name, l.lia_version
         FROM access_log l LEFT JOIN staff_user s ON s.id = l.staff_id
        WHERE l.subject_ids && ARRAY[$1::uuid] OR l.case_id = ANY ($2::uuid[])
        ORDER BY l.sequence`,
      [userId, caseIds],
    );
    return rows.map((row) => ({
      sequence: Number(row.sequence),
      at: row.at.toISOString(),
      caseId: row.case_id,
      outcome: row.outcome,
      reason: row.reason,
      purpose: row.purpose,
      legalBasis: row.legal_basis,
      liaVersion: row.lia_version,
      scope: row.scope_kind && row.message_count !== null ? { kind: row.scope_kind, messageCount: row.message_count, ownMessageCount: row.own_message_count } : null,
      roles: (row.case_id ? rolesByCase.get(row.case_id) : undefined) ?? ['participant'],
      staffRole: contentRole(row.staff_roles),
      staffId: row.staff_id,
      staffName: row.staff_name,
    }));
  }
}

/** Reporter and reported say more than participant: it is kept only when it is all there is. */
function rolesOf(roles: SubjectRole[]): SubjectRole[] {
  const main = (['reporter', 'reported'] as const).filter((role) => roles.includes(role));
  return main.length ? [...main] : ['participant'];
}
