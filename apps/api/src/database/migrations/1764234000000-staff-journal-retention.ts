import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764158400000-access-register';

/**
 * The staff journal's own retention (STAFF_JOURNAL_RETENTION).
 *
 * - Entries in the journal's second format (`vigie-journal-v2`) carry a salted digest of their
 *   personal fields (`personal_digest`, `personal_salt`), which their hash covers in the fields'
 *   place; first-format entries stay as they are (their hash covers the fields themselves).
 * - `staff_activity_erase_personal(cutoff, at)` — retention's one way in — blanks the actor, the
 *   subject, the address, the browser, the details and the salt of second-format entries older
 *   than the cutoff, and stamps `erased_at`; the journal's own erasure records are kept whole.
 * - The journal's trigger refuses every other change, as before: an erasure only empties those
 *   fields. The application's role still may not update the journal; blanking an entry through
 *   the function without a recorded erasure old enough fails verification.
 */
export class StaffJournalRetention1764234000000 implements MigrationInterface {
  name = 'StaffJournalRetention1764234000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "staff_activity" ADD COLUMN "personal_salt" text, ADD COLUMN "personal_digest" text, ADD COLUMN "erased_at" timestamptz`);
    await q.query(`
      ALTER TABLE "staff_activity"
        ADD CONSTRAINT "ck_staff_activity_v2_digest" CHECK ("format" <> 'vigie-journal-v2' OR "personal_digest" IS NOT NULL),
        ADD CONSTRAINT "ck_staff_activity_erased" CHECK ("erased_at" IS NULL OR ("format" = 'vigie-journal-v2' AND "personal_salt" IS NULL))`);
    await q.query(`CREATE INDEX "ix_staff_activity_erasable" ON "staff_activity" ("at") WHERE "erased_at" IS NULL AND "format" = 'vigie-journal-v2'`);

    await q.query(`
      CREATE FUNCTION "staff_activity_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND current_setting('vigie.journal_erasure', true) = 'on' THEN
          IF OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL AND OLD.format = 'vigie-journal-v2'
             AND NEW.actor_id IS NULL AND NEW.subject_id IS NULL AND NEW.ip IS NULL AND NEW.user_agent IS NULL
             AND NEW.details = '{}'::jsonb AND NEW.personal_salt IS NULL
             AND to_jsonb(NEW) - ARRAY['actor_id', 'subject_id', 'ip', 'user_agent', 'details', 'personal_salt', 'erased_at']
               = to_jsonb(OLD) - ARRAY['actor_id', 'subject_id', 'ip', 'user_agent', 'details', 'personal_salt', 'erased_at'] THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`DROP TRIGGER "staff_activity_no_change" ON "staff_activity"`);
    await q.query(`CREATE TRIGGER "staff_activity_no_change" BEFORE UPDATE OR DELETE ON "staff_activity" FOR EACH ROW EXECUTE FUNCTION "staff_activity_append_only"()`);

    await q.query(`
      CREATE FUNCTION "staff_activity_erase_personal"(p_cutoff timestamptz, p_at timestamptz) RETURNS bigint
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE erased bigint;
      BEGIN
        IF p_cutoff > p_at THEN
          RAISE EXCEPTION 'the cutoff is after the erasure' USING ERRCODE = 'invalid_parameter_value';
        END IF;
        PERFORM set_config('vigie.journal_erasure', 'on', true);
        UPDATE staff_activity
           SET actor_id = NULL, subject_id = NULL, ip = NULL, user_agent = NULL, details = '{}'::jsonb, personal_salt = NULL, erased_at = p_at
         WHERE format = 'vigie-journal-v2' AND erased_at IS NULL AND at < p_cutoff AND event <> 'journal.erased';
        GET DIAGNOSTICS erased = ROW_COUNT;
        PERFORM set_config('vigie.journal_erasure', 'off', true);
        RETURN erased;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION "staff_activity_erase_personal"(timestamptz, timestamptz) FROM PUBLIC`);
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          GRANT EXECUTE ON FUNCTION staff_activity_erase_personal(timestamptz, timestamptz) TO ${APP_ROLE};
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION "staff_activity_erase_personal"(timestamptz, timestamptz)`);
    await q.query(`DROP TRIGGER "staff_activity_no_change" ON "staff_activity"`);
    await q.query(`CREATE TRIGGER "staff_activity_no_change" BEFORE UPDATE OR DELETE ON "staff_activity" FOR EACH ROW EXECUTE FUNCTION "access_log_append_only"()`);
    await q.query(`DROP FUNCTION "staff_activity_append_only"()`);
    await q.query(`DROP INDEX "ix_staff_activity_erasable"`);
    await q.query(`ALTER TABLE "staff_activity" DROP CONSTRAINT "ck_staff_activity_erased", DROP CONSTRAINT "ck_staff_activity_v2_digest"`);
    await q.query(`ALTER TABLE "staff_activity" DROP COLUMN "personal_salt", DROP COLUMN "personal_digest", DROP COLUMN "erased_at"`);
  }
}
