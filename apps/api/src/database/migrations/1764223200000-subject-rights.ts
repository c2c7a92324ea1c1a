import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764158400000-access-register';

/**
 * A person's other rights (GDPR Art. 17, 18, 21).
 *
 * - `retention_run.reference`: an erasure on request is a retention run of its own, triggered by
 *   `request`, carrying the request's reference (present exactly for those runs).
 * - `subject_restriction`: a restriction of processing on one platform user, at most one standing
 *   at a time. The application's role cannot delete one, and may change one only by lifting it
 *   (the lifted_* fields, once) or, for retention, by blanking its free text.
 * - `case_restricted(case)`: true when anyone of the case's conversation — participant, reporter,
 *   reported, appellant — has a standing restriction. Triggers on `access_grant` and `access_log`
 *   refuse a grant or a read of such a case (`gate refused: restricted`), whoever asks and by
 *   whichever path: the gate's functions insert through them too. Refusals are still recorded.
 */
export class SubjectRights1764223200000 implements MigrationInterface {
  name = 'SubjectRights1764223200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "retention_run" ADD COLUMN "reference" text`);
    await q.query(`ALTER TABLE "retention_run" DROP CONSTRAINT "retention_run_trigger_check"`);
    await q.query(`ALTER TABLE "retention_run" ADD CONSTRAINT "retention_run_trigger_check" CHECK ("trigger" IN ('schedule', 'manual', 'cli', 'request'))`);
    await q.query(`ALTER TABLE "retention_run" ADD CONSTRAINT "retention_run_reference_check" CHECK (("trigger" = 'request') = ("reference" IS NOT NULL))`);

    await q.query(`
      CREATE TABLE "subject_restriction" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL REFERENCES "platform_user" ("id"),
        "reason" text NOT NULL,
        "reference" text NOT NULL CHECK (char_length("reference") BETWEEN 1 AND 100),
        "restricted_by" uuid NOT NULL REFERENCES "staff_user" ("id"),
        "restricted_at" timestamptz NOT NULL,
        "lifted_by" uuid REFERENCES "staff_user" ("id"),
        "lifted_at" timestamptz,
        "lift_reason" text,
        CHECK (("lifted_at" IS NULL) = ("lifted_by" IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX "ux_subject_restriction_standing" ON "subject_restriction" ("user_id") WHERE "lifted_at" IS NULL`);
    await q.query(`CREATE INDEX "ix_subject_restriction_user" ON "subject_restriction" ("user_id")`);

    await q.query(`
      CREATE FUNCTION "subject_restriction_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'UPDATE' THEN
          RAISE EXCEPTION 'subject_restriction: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        -- Lifting: once, with who, when and why; nothing else changes.
        IF OLD.lifted_at IS NULL AND NEW.lifted_at IS NOT NULL AND NEW.lifted_by IS NOT NULL AND NEW.lift_reason IS NOT NULL
           AND NEW.id = OLD.id AND NEW.user_id = OLD.user_id AND NEW.reason = OLD.reason AND NEW.reference = OLD.reference
           AND NEW.restricted_by = OLD.restricted_by AND NEW.restricted_at = OLD.restricted_at THEN
          RETURN NEW;
        END IF;
        -- Retention: the free text goes, the facts stay.
        IF NEW.reason = '' AND NEW.lift_reason IS NULL
           AND NEW.id = OLD.id AND NEW.user_id = OLD.user_id AND NEW.reference = OLD.reference
           AND NEW.restricted_by = OLD.restricted_by AND NEW.restricted_at = OLD.restricted_at
           AND NEW.lifted_by IS NOT DISTINCT FROM OLD.lifted_by AND NEW.lifted_at IS NOT DISTINCT FROM OLD.lifted_at THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'subject_restriction: only lifting or erasing its text is allowed' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER "subject_restriction_guard" BEFORE UPDATE OR DELETE ON "subject_restriction" FOR EACH ROW EXECUTE FUNCTION "subject_restriction_guard"()`);
    await q.query(`CREATE TRIGGER "subject_restriction_no_truncate" BEFORE TRUNCATE ON "subject_restriction" FOR EACH STATEMENT EXECUTE FUNCTION "subject_restriction_guard"()`);

    await q.query(`
      CREATE FUNCTION "case_restricted"(p_case_id uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT EXISTS (
          SELECT 1 FROM moderation_case c
            JOIN subject_restriction s ON s.lifted_at IS NULL
           WHERE c.id = p_case_id
             AND (EXISTS (SELECT 1 FROM conversation_participant p WHERE p.conversation_id = c.conversation_id AND p.user_id = s.user_id)
                  OR EXISTS (SELECT 1 FROM report r WHERE (r.conversation_id = c.conversation_id OR r.case_id = c.id)
                                                      AND s.user_id IN (r.reporter_id, r.reported_id))
                  OR EXISTS (SELECT 1 FROM appeal a WHERE a.case_id = c.id AND a.appellant_id = s.user_id)))
      $$`);
    await q.query(`
      CREATE FUNCTION "gate_refuse_restricted"() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF case_restricted(NEW.case_id) THEN
          RAISE EXCEPTION 'gate refused: restricted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "access_grant_not_restricted" BEFORE INSERT ON "access_grant" FOR EACH ROW EXECUTE FUNCTION "gate_refuse_restricted"()`);
    // Refusals are still written: only a grant or a read of a restricted case is refused.
    await q.query(`
      CREATE TRIGGER "access_log_not_restricted" BEFORE INSERT ON "access_log" FOR EACH ROW
      WHEN (NEW.outcome <> 'denied' AND NEW.case_id IS NOT NULL) EXECUTE FUNCTION "gate_refuse_restricted"()`);

    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          REVOKE DELETE, TRUNCATE ON subject_restriction FROM ${APP_ROLE};
          GRANT SELECT, INSERT, UPDATE ON subject_restriction TO ${APP_ROLE};
          GRANT EXECUTE ON FUNCTION case_restricted(uuid) TO ${APP_ROLE};
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "access_log_not_restricted" ON "access_log"`);
    await q.query(`DROP TRIGGER "access_grant_not_restricted" ON "access_grant"`);
    await q.query(`DROP FUNCTION "gate_refuse_restricted"()`);
    await q.query(`DROP FUNCTION "case_restricted"(uuid)`);
    await q.query(`DROP TABLE "subject_restriction"`);
    await q.query(`DROP FUNCTION "subject_restriction_guard"()`);
    await q.query(`ALTER TABLE "retention_run" DROP CONSTRAINT "retention_run_reference_check"`);
    await q.query(`ALTER TABLE "retention_run" DROP CONSTRAINT "retention_run_trigger_check"`);
    await q.query(`DELETE FROM "retention_run" WHERE "trigger" = 'request'`);
    await q.query(`ALTER TABLE "retention_run" ADD CONSTRAINT "retention_run_trigger_check" CHECK ("trigger" IN ('schedule', 'manual', 'cli'))`);
    await q.query(`ALTER TABLE "retention_run" DROP COLUMN "reference"`);
  }
}
