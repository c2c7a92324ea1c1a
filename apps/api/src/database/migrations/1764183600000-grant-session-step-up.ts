import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Grants end with the entitlement, and content waits for a fresh proof of identity.
 *
 * - `staff_session.stepped_up_at`: when the session last confirmed its password or code (a
 *   sign-in counts); the gate wants it recent. `ended_by`: why a revoked session ended, so that a
 *   grant it held can say why it stopped.
 * - `access_grant.session_id`: the session that obtained the grant; the grant dies with it.
 * - `gate_message_bodies` also refuses a grant whose holder could no longer open the case: the
 *   case closed, purged or no longer theirs, the account disabled or without a content role, the
 *   session signed out or expired. The service says why first; this is the last word.
 */
export class GrantSessionStepUp1764183600000 implements MigrationInterface {
  name = 'GrantSessionStepUp1764183600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "staff_session" ADD COLUMN "stepped_up_at" timestamptz`);
    await q.query(`UPDATE "staff_session" SET "stepped_up_at" = "created_at"`);
    await q.query(`ALTER TABLE "staff_session" ADD COLUMN "ended_by" text
      CONSTRAINT "ck_staff_session_ended_by" CHECK ("ended_by" IN ('signed_out', 'expired', 'account_disabled', 'credentials_changed'))`);
    await q.query(`ALTER TABLE "access_grant" ADD COLUMN "session_id" text REFERENCES "staff_session" ("id")`);

    await q.query(`
      CREATE OR REPLACE FUNCTION "gate_message_bodies"(p_grant_id uuid, p_staff_id uuid, p_at timestamptz)
      RETURNS TABLE (message_id uuid, body text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT b.message_id, b.body
          FROM access_grant g
          JOIN moderation_case c ON c.id = g.case_id
          JOIN staff_user u ON u.id = g.staff_id
          JOIN staff_session s ON s.id = g.session_id
          JOIN message_body b ON b.message_id = ANY (g.message_ids)
         WHERE g.id = p_grant_id AND g.staff_id = p_staff_id AND g.expires_at > p_at
           AND c.status <> 'closed' AND c.data_purged_at IS NULL
           AND u.disabled_at IS NULL
           -- A content role, and no dpo or admin role beside it (a mixed set opens nothing).
           AND u.roles && ARRAY['moderator', 'lead']::text[] AND NOT u.roles && ARRAY['dpo', 'admin']::text[]
           AND (c.assignee_id = g.staff_id OR 'lead' = ANY (u.roles))
           AND s.revoked_at IS NULL AND s.expires_at > p_at
           AND EXISTS (SELECT 1 FROM access_log l
                        WHERE l.grant_id = p_grant_id AND l.outcome = 'read'
                          AND l.xmin = pg_current_xact_id()::xid)
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION "gate_message_bodies"(p_grant_id uuid, p_staff_id uuid, p_at timestamptz)
      RETURNS TABLE (message_id uuid, body text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT b.message_id, b.body
          FROM access_grant g
          JOIN message_body b ON b.message_id = ANY (g.message_ids)
         WHERE g.id = p_grant_id AND g.staff_id = p_staff_id AND g.expires_at > p_at
           AND EXISTS (SELECT 1 FROM access_log l
                        WHERE l.grant_id = p_grant_id AND l.outcome = 'read'
                          AND l.xmin = pg_current_xact_id()::xid)
      $$`);
    await q.query(`ALTER TABLE "access_grant" DROP COLUMN "session_id"`);
    await q.query(`ALTER TABLE "staff_session" DROP COLUMN "ended_by"`);
    await q.query(`ALTER TABLE "staff_session" DROP COLUMN "stepped_up_at"`);
  }
}
