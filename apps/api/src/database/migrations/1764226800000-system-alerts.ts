import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764158400000-access-register';

/**
 * The DPO's own alarms: alerts about Vigie itself, and the register's verifications on record.
 *
 * - `staff_alert` takes three system rules — `register_broken`, `retention_failed`,
 *   `checkpoint_failed` — which name nobody (`staff_id` is null exactly for them) and may carry
 *   no evidence; `details` holds ids and codes only (a run, a sequence, a problem, an error name).
 *   One open `register_broken` and one open `checkpoint_failed` at a time; one `retention_failed`
 *   per run.
 * - `register_verification`: every verification of the register, scheduled or asked for, and
 *   what it found. The application's role may add one, never change or remove one: a broken
 *   chain found at night cannot be turned into an intact one afterwards.
 */
export class SystemAlerts1764226800000 implements MigrationInterface {
  name = 'SystemAlerts1764226800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "staff_alert" ALTER COLUMN "staff_id" DROP NOT NULL`);
    await q.query(`ALTER TABLE "staff_alert" ADD COLUMN "details" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`COMMENT ON COLUMN "staff_alert"."details" IS 'A system alert''s ids and codes; never personal data or a body'`);
    await q.query(`ALTER TABLE "staff_alert" DROP CONSTRAINT "ck_staff_alert_rule"`);
    await q.query(`ALTER TABLE "staff_alert" DROP CONSTRAINT "ck_staff_alert_evidence"`);
    await q.query(`
      ALTER TABLE "staff_alert"
        ADD CONSTRAINT "ck_staff_alert_rule" CHECK ("rule" IN ('openings_per_hour', 'repeated_justification', 'outside_working_hours',
                                                              'repeated_denials', 'same_person_across_cases', 'widening',
                                                              'register_broken', 'retention_failed', 'checkpoint_failed')),
        ADD CONSTRAINT "ck_staff_alert_system" CHECK (("staff_id" IS NULL) = ("rule" IN ('register_broken', 'retention_failed', 'checkpoint_failed'))),
        ADD CONSTRAINT "ck_staff_alert_evidence" CHECK ("staff_id" IS NULL OR cardinality("evidence") > 0),
        ADD CONSTRAINT "ck_staff_alert_details" CHECK (jsonb_typeof("details") = 'object')`);
    await q.query(`CREATE UNIQUE INDEX "ux_staff_alert_open_system" ON "staff_alert" ("rule") WHERE "status" = 'open' AND "rule" IN ('register_broken', 'checkpoint_failed')`);
    await q.query(`CREATE UNIQUE INDEX "ux_staff_alert_retention_run" ON "staff_alert" (("details" ->> 'runId')) WHERE "rule" = 'retention_failed'`);

    await q.query(`
      CREATE TABLE "register_verification" (
        "id" bigserial PRIMARY KEY,
        "at" timestamptz NOT NULL,
        "trigger" text NOT NULL,
        "intact" boolean NOT NULL,
        "entries_checked" bigint NOT NULL,
        "first_broken_sequence" bigint,
        "problem" text,
        CONSTRAINT "ck_register_verification_trigger" CHECK ("trigger" IN ('schedule', 'manual')),
        CONSTRAINT "ck_register_verification_broken" CHECK ("intact" = ("first_broken_sequence" IS NULL))
      )`);
    await q.query(`CREATE INDEX "ix_register_verification_trigger_at" ON "register_verification" ("trigger", "at")`);
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          REVOKE ALL ON register_verification FROM ${APP_ROLE};
          GRANT SELECT, INSERT ON register_verification TO ${APP_ROLE};
          GRANT USAGE, SELECT ON SEQUENCE register_verification_id_seq TO ${APP_ROLE};
        END IF;
      END $$`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON register_verification FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "register_verification"`);
    await q.query(`DROP INDEX "ux_staff_alert_retention_run"`);
    await q.query(`DROP INDEX "ux_staff_alert_open_system"`);
    await q.query(`DELETE FROM "staff_alert" WHERE "staff_id" IS NULL`);
    await q.query(`ALTER TABLE "staff_alert" DROP CONSTRAINT "ck_staff_alert_details", DROP CONSTRAINT "ck_staff_alert_evidence", DROP CONSTRAINT "ck_staff_alert_system", DROP CONSTRAINT "ck_staff_alert_rule"`);
    await q.query(`
      ALTER TABLE "staff_alert"
        ADD CONSTRAINT "ck_staff_alert_rule" CHECK ("rule" IN ('openings_per_hour', 'repeated_justification', 'outside_working_hours',
                                                              'repeated_denials', 'same_person_across_cases', 'widening')),
        ADD CONSTRAINT "ck_staff_alert_evidence" CHECK (cardinality("evidence") > 0)`);
    await q.query(`ALTER TABLE "staff_alert" DROP COLUMN "details"`);
    await q.query(`ALTER TABLE "staff_alert" ALTER COLUMN "staff_id" SET NOT NULL`);
  }
}
