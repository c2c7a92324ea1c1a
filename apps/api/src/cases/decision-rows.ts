import { type CaseNote, type Decision, NOTE_EDIT_WINDOW_MINUTES } from '@vigie/contracts';

/** A decision with the names of who took and reviewed it, as the case page and the API show it. */
export const DECISION_SELECT = `
  SELECT d.id, d.case_id, d.action, d.policy_clause, d.facts, d.ground, d.automated, d.redress, d.duration_days,
         d.message_ids, d.state, d.decided_by, db.name AS decided_by_name, d.decided_at,
         d.reviewed_by, rb.name AS reviewed_by_name, d.reviewed_at, d.review_note
    FROM decision d JOIN staff_user db ON db.id = d.decided_by LEFT JOIN staff_user rb ON rb.id = d.reviewed_by`;

export interface DecisionRow {
  id: string;
  case_id: string;
  action: Decision['action'];
  policy_clause: Decision['policyClause'];
  facts: string;
  ground: string;
  automated: boolean;
  redress: string;
  duration_days: number | null;
  message_ids: string[];
  state: Decision['state'];
  decided_by: string;
  decided_by_name: string;
  decided_at: Date;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
  review_note: string | null;
}

export function toDecision(row: DecisionRow): Decision {
  return {
    id: row.id,
    caseId: row.case_id,
    action: row.action,
    policyClause: row.policy_clause,
    statement: { facts: row.facts, ground: row.ground, automated: row.automated, redress: row.redress },
    durationDays: row.duration_days,
    messageIds: row.message_ids,
    state: row.state,
    decidedBy: { id: row.decided_by, name: row.decided_by_name },
    decidedAt: row.decided_at.toISOString(),
    reviewedBy: row.reviewed_by ? { id: row.reviewed_by, name: row.reviewed_by_name ?? '' } : null,
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
    reviewNote: row.review_note,
  };
}

export const NOTE_SELECT = `
  SELECT n.id, n.case_id, n.author_id, s.name AS author_name, n.text, n.created_at, n.edited_at
    FROM case_note n JOIN staff_user s ON s.id = n.author_id`;

export interface NoteRow {
  id: string;
  case_id: string;
  author_id: string;
  author_name: string;
  text: string;
  created_at: Date;
  edited_at: Date | null;
}

export function toNote(row: NoteRow): CaseNote {
  return {
    id: row.id,
    caseId: row.case_id,
    author: { id: row.author_id, name: row.author_name },
    text: row.text,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    editableUntil: new Date(row.created_at.getTime() + NOTE_EDIT_WINDOW_MINUTES * 60_000).toISOString(),
  };
}
