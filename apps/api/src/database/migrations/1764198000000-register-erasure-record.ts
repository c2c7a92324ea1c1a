import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764158400000-access-register';

/**
 * The register's entries record their format, and its erasures are recorded.
 *
 * - `access_log.format`: the canonical form an entry was hashed with (1: the first; 2: the one that
 *   also covers the format). Entries already written are format 1 and verify so forever. No default:
 *   every writer says which form it hashed.
 * - `register_erasure`: one row per case whose entries lost their personal fields, written only by
 *   `access_log_erase_personal` (the application's role may read it, never write it; its owner
 *   meets the append-only triggers). Verification checks every erased entry against it.
 * - `access_log_erase_personal(run, cases, at)`: erases only for a running retention run (at or after its start), and only
 *   the entries of cases purged at `at` (retention marks them purged and erases in one transaction,
 *   with one time). The former signature, which trusted any caller, is gone.
 * - The register's trigger lets an erasure through only when it is so recorded, for a purged case.
 * - `moderation_case.data_purged_at` is written once: a purged case stays purged, for everyone.
 *
 * Erasures made before this migration are recorded here from the register itself, without a run.
 */
export class RegisterErasureRecord1764198000000 implements MigrationInterface {
  name = 'RegisterErasureRecord1764198000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "access_log" ADD COLUMN "format" smallint NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE "access_log" ALTER COLUMN "format" DROP DEFAULT`);

    await q.query(`
      CREATE TABLE "register_erasure" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "run_id" uuid,
        "case_id" uuid NOT NULL,
        "erased_at" timestamptz NOT NULL,
        "entries" bigint NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`COMMENT ON TABLE "register_erasure" IS 'Erasures of the register''s personal fields, by retention run and case; written by access_log_erase_personal only'`);
    await q.query(`COMMENT ON COLUMN "register_erasure"."run_id" IS 'The retention run; NULL only for erasures made before they were recorded'`);
    await q.query(`CREATE INDEX "ix_register_erasure_case" ON "register_erasure" ("case_id", "erased_at")`);
    await q.query(`
      INSERT INTO register_erasure (run_id, case_id, erased_at, entries)
      SELECT NULL, case_id, erased_at, count(*) FROM access_log WHERE erased_at IS NOT NULL GROUP BY case_id, erased_at ORDER BY min(sequence)`);
    await q.query(`CREATE TRIGGER "register_erasure_no_change" BEFORE UPDATE OR DELETE ON "register_erasure" FOR EACH ROW EXECUTE FUNCTION "access_log_append_only"()`);
    await q.query(`CREATE TRIGGER "register_erasure_no_truncate" BEFORE TRUNCATE ON "register_erasure" FOR EACH STATEMENT EXECUTE FUNCTION "access_log_append_only"()`);

    // The register's own guard: append-only, except an erasure recorded for a purged case.
    await q.query(`
      CREATE FUNCTION "access_log_erasure_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL
             AND NEW.justification IS NULL AND NEW.ip IS NULL AND NEW.user_agent IS NULL AND NEW.salt IS NULL
             AND to_jsonb(NEW) - ARRAY['justification', 'ip', 'user_agent', 'salt', 'erased_at']
               = to_jsonb(OLD) - ARRAY['justification', 'ip', 'user_agent', 'salt', 'erased_at']
             AND EXISTS (SELECT 1 FROM register_erasure e JOIN moderation_case c ON c.id = e.case_id
                          WHERE e.case_id = NEW.case_id AND e.erased_at = NEW.erased_at AND c.data_purged_at IS NOT NULL) THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION 'access_log is append-only: an erasure needs a recorded retention run for a purged case' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`DROP TRIGGER "access_log_no_change" ON "access_log"`);
    await q.query(`CREATE TRIGGER "access_log_no_change" BEFORE UPDATE OR DELETE ON "access_log" FOR EACH ROW EXECUTE FUNCTION "access_log_erasure_only"()`);

    await q.query(`DROP FUNCTION "access_log_erase_personal"(uuid[], timestamptz)`);
    await q.query(`
      CREATE FUNCTION "access_log_erase_personal"(p_run_id uuid, p_case_ids uuid[], p_at timestamptz) RETURNS bigint
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE erased bigint;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM retention_run r WHERE r.id = p_run_id AND r.status = 'running' AND r.started_at <= p_at) THEN
          RAISE EXCEPTION 'access_log_erase_personal: % is not a running retention run', p_run_id USING ERRCODE = 'insufficient_privilege';
        END IF;
        INSERT INTO register_erasure (run_id, case_id, erased_at, entries)
        SELECT p_run_id, c.id, p_at, count(*)
          FROM moderation_case c JOIN access_log l ON l.case_id = c.id AND l.erased_at IS NULL
         WHERE c.id = ANY (p_case_ids) AND c.data_purged_at = p_at
         GROUP BY c.id ORDER BY c.id;
        UPDATE access_log l
           SET justification = NULL, ip = NULL, user_agent = NULL, salt = NULL, erased_at = p_at
         WHERE l.case_id = ANY (p_case_ids) AND l.erased_at IS NULL
           AND EXISTS (SELECT 1 FROM moderation_case c WHERE c.id = l.case_id AND c.data_purged_at = p_at);
        GET DIAGNOSTICS erased = ROW_COUNT;
        RETURN erased;
      END $$`);

    await q.query(`
      CREATE FUNCTION "moderation_case_purged_once"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.data_purged_at IS NOT NULL AND NEW.data_purged_at IS DISTINCT FROM OLD.data_purged_at THEN
          RAISE EXCEPTION 'moderation_case.data_purged_at is written once: a purged case stays purged' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "moderation_case_purged_once" BEFORE UPDATE OF "data_purged_at" ON "moderation_case" FOR EACH ROW EXECUTE FUNCTION "moderation_case_purged_once"()`);

    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON register_erasure FROM ${APP_ROLE};
          GRANT SELECT ON register_erasure TO ${APP_ROLE};
          GRANT EXECUTE ON FUNCTION access_log_erase_personal(uuid, uuid[], timestamptz) TO ${APP_ROLE};
        END IF;
      END $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION access_log_erase_personal(uuid, uuid[], timestamptz) FROM PUBLIC`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON register_erasure FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "moderation_case_purged_once" ON "moderation_case"`);
    await q.query(`DROP FUNCTION "moderation_case_purged_once"()`);
    await q.query(`DROP FUNCTION "access_log_erase_personal"(uuid, uuid[], timestamptz)`);
    await q.query(`
      CREATE FUNCTION "access_log_erase_personal"(p_case_ids uuid[], p_at timestamptz) RETURNS bigint
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE erased bigint;
      BEGIN
        UPDATE access_log l
           SET justification = NULL, ip = NULL, user_agent = NULL, salt = NULL, erased_at = p_at
         WHERE l.case_id = ANY (p_case_ids) AND l.erased_at IS NULL
           AND EXISTS (SELECT 1 FROM moderation_case c WHERE c.id = l.case_id AND c.data_purged_at IS NOT NULL);
        GET DIAGNOSTICS erased = ROW_COUNT;
        RETURN erased;
      END $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION access_log_erase_personal(uuid[], timestamptz) FROM PUBLIC`);
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          GRANT EXECUTE ON FUNCTION access_log_erase_personal(uuid[], timestamptz) TO ${APP_ROLE};
        END IF;
      END $$`);
    await q.query(`DROP TRIGGER "access_log_no_change" ON "access_log"`);
    await q.query(`CREATE TRIGGER "access_log_no_change" BEFORE UPDATE OR DELETE ON "access_log" FOR EACH ROW EXECUTE FUNCTION "access_log_append_only"()`);
    await q.query(`DROP FUNCTION "access_log_erasure_only"()`);
    await q.query(`DROP TABLE "register_erasure"`);
    // Entries written in format 2 no longer verify under the code before this migration: going down is for an empty or a test database.
    await q.query(`ALTER TABLE "access_log" DROP COLUMN "format"`);
  }
}
