import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764158400000-access-register';

/**
 * The legitimate-interest assessment (LIA), versioned, inside the register's hash chain.
 *
 * - `lia_version`: the assessment the DPO wrote (purpose, necessity, balancing, safeguards), one
 *   row per version, numbered from 1 without gaps. Append-only, whoever asks (the application's
 *   role included): a trigger refuses UPDATE, DELETE and TRUNCATE. Another, before each insert,
 *   takes its own advisory lock, refuses a gap in the numbers and a backdated version (it takes
 *   effect now or later, never before the previous one), and sets `written_at` and the text's
 *   SHA-256 `digest` itself. Version 1, a template, ships with this migration: a fresh install
 *   has an assessment in force.
 * - `lia_version_in_force()`: the latest version whose `effective_from` has come.
 * - `access_grant.lia_version`, `access_log.lia_version`: the version in force when the gate
 *   opened the grant, stamped by `gate_open_grant` (which refuses when none is in force); the
 *   version an entry was written under, which `access_log_append` checks — its grant's, or the
 *   one in force for an entry without a grant — and which only entries of the current format
 *   (3, whose hash covers it) carry. Older entries keep NULL and verify in their own format.
 */
export class LiaVersions1764219600000 implements MigrationInterface {
  name = 'LiaVersions1764219600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "lia_version" (
        "version" integer PRIMARY KEY CHECK ("version" >= 1),
        "text" text NOT NULL CHECK (char_length(btrim("text")) > 0),
        "effective_from" timestamptz NOT NULL,
        "written_at" timestamptz NOT NULL,
        "written_by" uuid REFERENCES "staff_user" ("id"),
        "digest" text NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION "lia_version_before_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        previous lia_version;
      BEGIN
        PERFORM pg_advisory_xact_lock(7461007);
        SELECT * INTO previous FROM lia_version ORDER BY version DESC LIMIT 1;
        IF NEW.version IS DISTINCT FROM coalesce(previous.version, 0) + 1 THEN
          RAISE EXCEPTION 'lia refused: lia_version_gap' USING ERRCODE = 'check_violation';
        END IF;
        NEW.effective_from := coalesce(NEW.effective_from, now());
        IF NEW.effective_from < now() OR NEW.effective_from < previous.effective_from THEN
          RAISE EXCEPTION 'lia refused: lia_backdated' USING ERRCODE = 'check_violation';
        END IF;
        NEW.written_at := now();
        NEW.digest := encode(sha256(convert_to(NEW.text, 'UTF8')), 'hex');
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE FUNCTION "lia_version_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'lia_version is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER "lia_version_before_insert" BEFORE INSERT ON "lia_version" FOR EACH ROW EXECUTE FUNCTION "lia_version_before_insert"()`);
    await q.query(`CREATE TRIGGER "lia_version_no_change" BEFORE UPDATE OR DELETE ON "lia_version" FOR EACH ROW EXECUTE FUNCTION "lia_version_append_only"()`);
    await q.query(`CREATE TRIGGER "lia_version_no_truncate" BEFORE TRUNCATE ON "lia_version" FOR EACH STATEMENT EXECUTE FUNCTION "lia_version_append_only"()`);
    await q.query(`
      CREATE FUNCTION "lia_version_in_force"() RETURNS integer
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT version FROM lia_version WHERE effective_from <= now() ORDER BY version DESC LIMIT 1
      $$`);
    await q.query(`INSERT INTO "lia_version" ("version", "text", "effective_from") VALUES (1, $1, now())`, [LIA_TEMPLATE]);

    await q.query(`ALTER TABLE "access_grant" ADD COLUMN "lia_version" integer REFERENCES "lia_version" ("version")`);
    // Grants still live at the upgrade were opened under the assessment version 1 writes down: their reads can still be recorded.
    await q.query(`UPDATE "access_grant" SET "lia_version" = 1 WHERE "expires_at" > now()`);
    await q.query(`ALTER TABLE "access_log" ADD COLUMN "lia_version" integer REFERENCES "lia_version" ("version")`);

    await q.query(`
      CREATE OR REPLACE FUNCTION "gate_open_grant"(
        p_case_id uuid, p_staff_id uuid, p_session_id text, p_scope text, p_report_ids uuid[], p_message_ids uuid[], p_minutes integer)
      RETURNS TABLE (id uuid, created_at timestamptz, expires_at timestamptz)
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        c moderation_case;
        u staff_user;
        refusal text;
        lia integer := lia_version_in_force();
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
          WHEN lia IS NULL THEN 'no_lia_in_force'
        END;
        IF refusal IS NOT NULL THEN
          RAISE EXCEPTION 'gate refused: %', refusal USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN QUERY
          INSERT INTO access_grant AS g (case_id, staff_id, scope, report_ids, message_ids, created_at, expires_at, session_id, created_xact, lia_version)
          VALUES (p_case_id, p_staff_id, p_scope, p_report_ids, coalesce(p_message_ids, '{}'), now(),
                  now() + make_interval(mins => p_minutes), p_session_id, pg_current_xact_id(), lia)
          RETURNING g.id, g.created_at, g.expires_at;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION "access_log_append"(p_entry jsonb) RETURNS bigint
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
          WHEN e.format IS DISTINCT FROM 3 THEN 'format_not_current'
          -- The assessment an entry names is its grant's (stamped when the gate opened it), or the one in force.
          WHEN g.id IS NOT NULL AND e.lia_version IS DISTINCT FROM g.lia_version THEN 'lia_version_not_the_grants'
          WHEN g.id IS NULL AND e.lia_version IS DISTINCT FROM lia_version_in_force() THEN 'lia_version_not_in_force'
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

    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          REVOKE UPDATE, DELETE, TRUNCATE ON lia_version FROM ${APP_ROLE};
          GRANT SELECT, INSERT ON lia_version TO ${APP_ROLE};
          GRANT EXECUTE ON FUNCTION lia_version_in_force() TO ${APP_ROLE};
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Entries written in format 3 no longer verify under the code before this migration: going down is for an empty or a test database.
    await q.query(`
      CREATE OR REPLACE FUNCTION "gate_open_grant"(
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
    await q.query(`
      CREATE OR REPLACE FUNCTION "access_log_append"(p_entry jsonb) RETURNS bigint
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
    await q.query(`ALTER TABLE "access_log" DROP COLUMN "lia_version"`);
    await q.query(`ALTER TABLE "access_grant" DROP COLUMN "lia_version"`);
    await q.query(`DROP FUNCTION "lia_version_in_force"()`);
    await q.query(`DROP TABLE "lia_version"`);
    await q.query(`DROP FUNCTION "lia_version_append_only"()`);
    await q.query(`DROP FUNCTION "lia_version_before_insert"()`);
  }
}

/** Version 1: a template for the DPO to complete, so that a fresh install has an assessment in force. */
export const LIA_TEMPLATE = `# Analyse d'intérêt légitime (AIL) — version initiale

## 1. Finalité
Détecter les activités illicites dans les conversations signalées (harcèlement, menaces,
escroqueries, contenus illicites) et y mettre fin, sur la base des signalements reçus.
Base légale : intérêt légitime (article 6.1.f du RGPD) de l'éditeur et de ses utilisateurs.

## 2. Nécessité
Seules les conversations signalées sont examinées, et seulement les messages utiles au signalement.
La lecture d'un message passe par une porte qui ouvre un accès limité dans le temps, au seul
modérateur du dossier. Aucune lecture systématique, aucune surveillance générale.

## 3. Mise en balance
Les personnes concernées peuvent raisonnablement s'attendre à ce qu'un signalement soit examiné.
L'atteinte à la confidentialité de leurs échanges se limite aux messages signalés et à leur contexte.
Les mineurs font l'objet d'une attention particulière : leur protection pèse en faveur de l'examen
des signalements qui les concernent, et leurs échanges sont lus avec la plus grande réserve.

## 4. Garanties
- La porte : chaque ouverture est limitée à un dossier, à son modérateur et à une durée courte.
- La justification : chaque ouverture est motivée par écrit.
- Le registre : chaque accès est inscrit dans un registre chaîné, contrôlé par le DPO.
- La conservation : les données des dossiers clos sont effacées au bout de 3 ans.
`;
