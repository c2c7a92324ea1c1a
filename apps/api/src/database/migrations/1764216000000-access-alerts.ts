import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764158400000-access-register';

/**
 * Alerts on anomalous access.
 *
 * - `staff_alert`: one alert per rule, member of staff and burst of entries; its evidence names
 *   register sequences only. The DPO acknowledges or dismisses it with a note. When
 *   ALERT_WEBHOOK_URL is set, each new alert waits here until the webhook took it.
 * - `alert_cursor`: the last register sequence the rules were evaluated for (one row). A new
 *   install starts at the head of the register: the rules watch what happens from now on.
 * - The application's role may not delete alerts: whoever holds its credentials cannot make an
 *   alert about themselves disappear.
 */
export class AccessAlerts1764216000000 implements MigrationInterface {
  name = 'AccessAlerts1764216000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "staff_alert" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "rule" text NOT NULL,
        "staff_id" uuid NOT NULL REFERENCES "staff_user" ("id"),
        "opened_at" timestamptz NOT NULL,
        "window_start" timestamptz NOT NULL,
        "window_end" timestamptz NOT NULL,
        "evidence" bigint[] NOT NULL,
        "status" text NOT NULL DEFAULT 'open',
        "note" text,
        "resolved_by" uuid REFERENCES "staff_user" ("id"),
        "resolved_at" timestamptz,
        "webhook_next_at" timestamptz,
        "webhook_attempts" integer NOT NULL DEFAULT 0,
        "webhook_delivered_at" timestamptz,
        "webhook_last_error" text,
        CONSTRAINT "ck_staff_alert_rule" CHECK ("rule" IN ('openings_per_hour', 'repeated_justification', 'outside_working_hours',
                                                          'repeated_denials', 'same_person_across_cases', 'widening')),
        CONSTRAINT "ck_staff_alert_status" CHECK ("status" IN ('open', 'acknowledged', 'dismissed')),
        CONSTRAINT "ck_staff_alert_resolved" CHECK (("status" = 'open') = ("resolved_at" IS NULL)),
        CONSTRAINT "ck_staff_alert_evidence" CHECK (cardinality("evidence") > 0)
      )`);
    await q.query(`COMMENT ON COLUMN "staff_alert"."evidence" IS 'Register sequences; never a justification or a body'`);
    await q.query(`CREATE INDEX "ix_staff_alert_staff_rule" ON "staff_alert" ("staff_id", "rule", "window_end")`);
    await q.query(`CREATE INDEX "ix_staff_alert_opened" ON "staff_alert" ("opened_at")`);
    await q.query(`CREATE INDEX "ix_staff_alert_open" ON "staff_alert" ("opened_at") WHERE "status" = 'open'`);
    await q.query(`CREATE INDEX "ix_staff_alert_webhook_due" ON "staff_alert" ("webhook_next_at") WHERE "webhook_next_at" IS NOT NULL`);

    // The rules look back over one person's entries by time.
    await q.query(`CREATE INDEX "ix_access_log_staff_at" ON "access_log" ("staff_id", "at")`);

    await q.query(`
      CREATE TABLE "alert_cursor" (
        "id" boolean PRIMARY KEY DEFAULT true CHECK ("id"),
        "last_sequence" bigint NOT NULL,
        "evaluated_at" timestamptz
      )`);
    await q.query(`INSERT INTO "alert_cursor" ("last_sequence") SELECT coalesce(max("sequence"), 0) FROM "access_log"`);

    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          REVOKE DELETE, TRUNCATE ON staff_alert, alert_cursor FROM ${APP_ROLE};
        END IF;
      END $$`);
    await q.query(`REVOKE DELETE, TRUNCATE ON staff_alert, alert_cursor FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "alert_cursor"`);
    await q.query(`DROP INDEX "ix_access_log_staff_at"`);
    await q.query(`DROP TABLE "staff_alert"`);
  }
}
