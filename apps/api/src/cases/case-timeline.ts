import type { EntityManager } from 'typeorm';

/**
 * Appends an event to a case's timeline, in the caller's transaction. Every feature that acts on
 * a case (intake, claim, the gate, decisions, retention, legal holds) writes its events here.
 */
export async function addCaseEvent(
  m: EntityManager,
  caseId: string,
  type: string,
  actorId: string | null,
  at: Date,
  data: Record<string, unknown> = {},
): Promise<void> {
  await m.query(`INSERT INTO case_event (case_id, at, type, actor_staff_id, data) VALUES ($1, $2, $3, $4, $5)`, [
    caseId,
    at,
    type,
    actorId,
    JSON.stringify(data),
  ]);
}
