import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention: the runs of the sweeper, who placed a legal hold and why, and the indexes the
 * sweeper's set-based queries walk.
 */
export class Retention1764162000000 implements MigrationInterface {
  name = 'Retention1764162000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "moderation_case"
        ADD COLUMN "legal_hold_reason" text,
        ADD COLUMN "legal_hold_by" uuid REFERENCES "staff_user" ("id"),
        ADD COLUMN "legal_hold_at" timestamptz`);
    // What the sweeper looks for: not yet purged, not held, oldest activity first.
    await q.query(`DROP INDEX "ix_moderation_case_last_activity"`);
    await q.query(`CREATE INDEX "ix_moderation_case_retention" ON "moderation_case" ("last_activity_at", "id") WHERE "data_purged_at" IS NULL AND NOT "legal_hold"`);
    await q.query(`CREATE INDEX "ix_moderation_case_legal_hold" ON "moderation_case" ("legal_hold_at") WHERE "legal_hold"`);
    await q.query(`CREATE INDEX "ix_moderation_case_conversation" ON "moderation_case" ("conversation_id")`);
    await q.query(`CREATE INDEX "ix_report_reporter" ON "report" ("reporter_id")`);
    await q.query(`
      CREATE TABLE "retention_run" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "started_at" timestamptz NOT NULL,
        "finished_at" timestamptz,
        "cutoff" timestamptz NOT NULL,
        "dry_run" boolean NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('running', 'completed', 'failed', 'interrupted')),
        "trigger" text NOT NULL CHECK ("trigger" IN ('schedule', 'manual', 'cli')),
        "started_by" uuid REFERENCES "staff_user" ("id"),
        "cases_due" integer NOT NULL,
        "batches" integer NOT NULL DEFAULT 0,
        "counts" jsonb NOT NULL DEFAULT '{}',
        "error" text
      )`);
    await q.query(`CREATE INDEX "ix_retention_run_started" ON "retention_run" ("started_at" DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "retention_run"`);
    await q.query(`DROP INDEX "ix_report_reporter"`);
    await q.query(`DROP INDEX "ix_moderation_case_conversation"`);
    await q.query(`DROP INDEX "ix_moderation_case_legal_hold"`);
    await q.query(`DROP INDEX "ix_moderation_case_retention"`);
    await q.query(`CREATE INDEX "ix_moderation_case_last_activity" ON "moderation_case" ("last_activity_at") WHERE "status" <> 'closed' OR "data_purged_at" IS NULL`);
    await q.query(`ALTER TABLE "moderation_case" DROP COLUMN "legal_hold_at", DROP COLUMN "legal_hold_by", DROP COLUMN "legal_hold_reason"`);
  }
}
