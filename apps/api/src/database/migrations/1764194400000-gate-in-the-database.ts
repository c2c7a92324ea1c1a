import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764158400000-access-register';

/**
 * The gate holds at the database, against whoever holds the application's credentials.
 *
 * No sequence of statements by the application's role — inserts, function calls, rollbacks —
 * yields a message body unless a committed register entry records that read, for a grant the
 * gate opened for that case, within its validity by the database's clock:
 *
 * - The application's role no longer inserts into `access_grant` or `access_log`. Grants are
 *   opened by `gate_open_grant`, which applies the gate's rules the database can see (a content
 *   role, the case open and the caller's, the reports the case's, the messages its conversation's)
 *   and sets the grant's times by the database's clock. Entries are appended by
 *   `access_log_append`, which keeps the chain linear (the next sequence after the head, its
 *   hash as `prev_hash`) and admits a `granted` entry only for a grant opened in the same
 *   transaction — with a justification — and a `read` entry only for a live grant, by its holder.
 * - Each entry records the transaction that wrote it and when, by the database's clock
 *   (`recorded_xact`, `recorded_at`: outside the chain, written by the function only).
 * - `gate_message_bodies(entry, staff)` hands out the messages of a `read` entry's grant — those
 *   of the case's conversation only — when the entry was committed by another transaction (rows
 *   of the caller's own transaction, rolled back or not, do not count) less than a minute ago,
 *   and the grant is still live by the database's clock. The reader thus commits the entry
 *   first, then reads in a transaction of its own.
 *
 * What the database cannot judge stays the service's: the step-up (the application's role
 * writes sessions), the justification's full rule. Whoever holds the application's role can still
 * claim a case and open it under someone's name — but only through entries the DPO sees.
 */
export class GateInTheDatabase1764194400000 implements MigrationInterface {
  name = 'GateInTheDatabase1764194400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "access_grant" ADD COLUMN "created_xact" xid8`);
    await q.query(`ALTER TABLE "access_log" ADD COLUMN "recorded_xact" xid8, ADD COLUMN "recorded_at" timestamptz`);

    // The database's side of "may this grant still be read": its holder, the case open and
    // theirs (or a lead's), the holder enabled with a content role only, the session live.
    await q.query(`
      CREATE FUNCTION "gate_grant_live"(p_grant_id uuid, p_staff_id uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT EXISTS (
          SELECT 1
            FROM access_grant g
            JOIN moderation_case c ON c.id = g.case_id
            JOIN staff_user u ON u.id = g.staff_id
            JOIN staff_session s ON s.id = g.session_id
           WHERE g.id = p_grant_id AND g.staff_id = p_staff_id AND g.expires_at > now()
             AND c.status <> 'closed' AND c.data_purged_at IS NULL
             AND u.disabled_at IS NULL
             AND u.roles && ARRAY['moderator', 'lead']::text[] AND NOT u.roles && ARRAY['dpo', 'admin']::text[]
             AND (c.assignee_id = g.staff_id OR 'lead' = ANY (u.roles))
             AND s.staff_id = g.staff_id AND s.revoked_at IS NULL AND s.expires_at > now())
      $$`);

    await q.query(`
      CREATE FUNCTION "gate_open_grant"(
        p_case_id uuid, p_staff_id uuid, p_session_id text, p_scope text, p_report_ids uuid[], p_message_ids uuid[], p_minutes integer)
      RETURNS TABLE (id uuid, created_at timestamptz, expires_at timestamptz)
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        c moderation_case;
        u staff_user;
        refusal text;
      BEGIN
        SELECT * INTO u FROM staff_user WHERE staff_user.id = p_staff_id;
        SELECT * INTO c FROM moderation_case WHERE moderation_case.id = p_case_id FOR NO KEY UPDATE;
        refusal := CASE
          WHEN u.id IS NULL OR u.disabled_at IS NOT NULL THEN 'account_disabled'
          WHEN NOT u.roles && ARRAY['moderator', 'lead']::text[] OR u.roles && ARRAY['dpo', 'admin']::text[] THEN 'role'
          WHEN NOT EXISTS (SELECT 1 FROM staff_session s WHERE s.id = p_session_id AND s.staff_id = p_staff_id
                                                          AND s.revoked_at IS NULL AND s.expires_at > now()) THEN 'session'
          WHEN c.id IS NULL THEN 'case_not_found'
          WHEN c.data_purged_at IS NOT NULL THEN 'data_purged'
          WHEN c.status = 'closed' THEN 'case_closed'
          WHEN c.assignee_id IS DISTINCT FROM p_staff_id AND NOT 'lead' = ANY (u.roles) THEN 'not_assignee'
          WHEN coalesce(cardinality(p_report_ids), 0) = 0 THEN 'no_report'
          WHEN EXISTS (SELECT 1 FROM unnest(p_report_ids) rid
                        WHERE NOT EXISTS (SELECT 1 FROM report r
                                           WHERE r.id = rid AND r.conversation_id = c.conversation_id
                                             AND (r.case_id = c.id
                                                  OR r.case_id = (SELECT d.case_id FROM decision d WHERE d.id = c.appeal_of_decision_id))))
            THEN 'report_not_in_case'
          WHEN EXISTS (SELECT 1 FROM unnest(p_message_ids) mid
                        WHERE NOT EXISTS (SELECT 1 FROM message m WHERE m.id = mid AND m.conversation_id = c.conversation_id))
            THEN 'messages_not_in_case'
          WHEN p_scope IS NULL OR p_scope NOT IN ('context', 'full') THEN 'scope'
          WHEN p_minutes IS NULL OR p_minutes < 1 OR p_minutes > 120 THEN 'grant_too_long'
        END;
        IF refusal IS NOT NULL THEN
          RAISE EXCEPTION 'gate refused: %', refusal USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN QUERY
          INSERT INTO access_grant AS g (case_id, staff_id, scope, report_ids, message_ids, created_at, expires_at, session_id, created_xact)
          VALUES (p_case_id, p_staff_id, p_scope, p_report_ids, coalesce(p_message_ids, '{}'), now(),
                  now() + make_interval(mins => p_minutes), p_session_id, pg_current_xact_id())
          RETURNING g.id, g.created_at, g.expires_at;
      END $$`);

    // Appends one entry after the head. The caller computed its hash (the chain is verified
    // from outside the database); this function decides whether such an entry may exist.
    await q.query(`
      CREATE FUNCTION "access_log_append"(p_entry jsonb) RETURNS bigint
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        e access_log;
        head access_log;
        g access_grant;
        refusal text;
      BEGIN
        e := jsonb_populate_record(NULL::access_log, p_entry);
        -- The same lock as the application's: appends take turns until commit.
        PERFORM pg_advisory_xact_lock(7461002);
        SELECT * INTO head FROM access_log ORDER BY sequence DESC LIMIT 1;
        SELECT * INTO g FROM access_grant WHERE access_grant.id = e.grant_id;
        refusal := CASE
          WHEN e.sequence IS DISTINCT FROM coalesce(head.sequence, 0) + 1 OR e.prev_hash IS DISTINCT FROM coalesce(head.hash, repeat('0', 64))
            THEN 'not_after_head'
          WHEN e.erased_at IS NOT NULL THEN 'erased_on_arrival'
          WHEN e.outcome = 'denied' THEN NULL
          WHEN g.id IS NULL OR g.staff_id IS DISTINCT FROM e.staff_id OR g.case_id IS DISTINCT FROM e.case_id THEN 'grant_mismatch'
          WHEN e.outcome = 'granted' AND g.created_xact IS DISTINCT FROM pg_current_xact_id() THEN 'grant_not_opened_here'
          WHEN e.outcome = 'granted' AND EXISTS (SELECT 1 FROM access_log l WHERE l.grant_id = g.id AND l.outcome = 'granted') THEN 'grant_already_granted'
          -- A floor the service's rule (letters and digits) always clears: no blanks or invisibles only.
          WHEN e.outcome = 'granted'
               AND char_length(regexp_replace(coalesce(e.justification, ''), '[[:space:]\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0]', '', 'g')) < 15
            THEN 'justification_too_short'
          WHEN e.outcome = 'read' AND NOT EXISTS (SELECT 1 FROM access_log l WHERE l.grant_id = g.id AND l.outcome = 'granted') THEN 'grant_not_granted'
          WHEN e.outcome = 'read' AND NOT gate_grant_live(g.id, e.staff_id) THEN 'grant_not_live'
        END;
        IF refusal IS NOT NULL THEN
          RAISE EXCEPTION 'gate refused: %', refusal USING ERRCODE = 'insufficient_privilege';
        END IF;
        e.recorded_xact := pg_current_xact_id();
        e.recorded_at := clock_timestamp();
        INSERT INTO access_log SELECT e.*;
        RETURN e.sequence;
      END $$`);

    await q.query(`DROP FUNCTION "gate_message_bodies"(uuid, uuid, timestamptz)`);
    await q.query(`
      CREATE FUNCTION "gate_message_bodies"(p_entry bigint, p_staff_id uuid)
      RETURNS TABLE (message_id uuid, body text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT b.message_id, b.body
          FROM access_log l
          JOIN access_grant g ON g.id = l.grant_id AND g.case_id = l.case_id AND g.staff_id = l.staff_id
          JOIN moderation_case c ON c.id = g.case_id
          JOIN message m ON m.conversation_id = c.conversation_id AND m.id = ANY (g.message_ids)
          JOIN message_body b ON b.message_id = m.id
         WHERE l.sequence = p_entry AND l.outcome = 'read' AND l.staff_id = p_staff_id
           -- Committed by another transaction: a visible row the caller's own transaction did not write.
           AND l.recorded_xact IS NOT NULL AND l.recorded_xact IS DISTINCT FROM pg_current_xact_id_if_assigned()
           AND l.recorded_at > now() - interval '1 minute' AND l.recorded_at <= clock_timestamp()
           AND gate_grant_live(g.id, p_staff_id)
      $$`);

    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          REVOKE INSERT ON access_grant, access_log FROM ${APP_ROLE};
          GRANT EXECUTE ON FUNCTION gate_open_grant(uuid, uuid, text, text, uuid[], uuid[], integer), access_log_append(jsonb),
                                    gate_message_bodies(bigint, uuid), gate_grant_live(uuid, uuid) TO ${APP_ROLE};
        END IF;
      END $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION gate_open_grant(uuid, uuid, text, text, uuid[], uuid[], integer), access_log_append(jsonb),
                                              gate_message_bodies(bigint, uuid), gate_grant_live(uuid, uuid) FROM PUBLIC`);
    await q.query(`REVOKE INSERT ON access_grant, access_log FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION "gate_message_bodies"(bigint, uuid)`);
    await q.query(`DROP FUNCTION "access_log_append"(jsonb)`);
    await q.query(`DROP FUNCTION "gate_open_grant"(uuid, uuid, text, text, uuid[], uuid[], integer)`);
    await q.query(`DROP FUNCTION "gate_grant_live"(uuid, uuid)`);
    // The function as 1764183600000 left it.
    await q.query(`
      CREATE FUNCTION "gate_message_bodies"(p_grant_id uuid, p_staff_id uuid, p_at timestamptz)
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
           AND u.roles && ARRAY['moderator', 'lead']::text[] AND NOT u.roles && ARRAY['dpo', 'admin']::text[]
           AND (c.assignee_id = g.staff_id OR 'lead' = ANY (u.roles))
           AND s.revoked_at IS NULL AND s.expires_at > p_at
           AND EXISTS (SELECT 1 FROM access_log l
                        WHERE l.grant_id = p_grant_id AND l.outcome = 'read'
                          AND l.xmin = pg_current_xact_id()::xid)
      $$`);
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          GRANT INSERT ON access_grant, access_log TO ${APP_ROLE};
          GRANT EXECUTE ON FUNCTION gate_message_bodies(uuid, uuid, timestamptz) TO ${APP_ROLE};
        END IF;
      END $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION gate_message_bodies(uuid, uuid, timestamptz) FROM PUBLIC`);
    await q.query(`ALTER TABLE "access_log" DROP COLUMN "recorded_at", DROP COLUMN "recorded_xact"`);
    await q.query(`ALTER TABLE "access_grant" DROP COLUMN "created_xact"`);
  }
}
