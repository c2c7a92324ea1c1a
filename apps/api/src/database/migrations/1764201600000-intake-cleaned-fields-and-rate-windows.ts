import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764158400000-access-register';

/**
 * Intake keeps what the platform's users wrote even when PostgreSQL cannot store it as sent
 * (U+0000, lone surrogates become U+FFFD): a report names the fields so cleaned, a message says
 * whether its body was. And intake's rate limit counts requests per client address and minute
 * in one table every API instance shares — unlogged: a counter need not survive a crash, and its
 * commits then wait for no disk.
 */
export class IntakeCleanedFieldsAndRateWindows1764201600000 implements MigrationInterface {
  name = 'IntakeCleanedFieldsAndRateWindows1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "report" ADD COLUMN "cleaned_fields" text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "message" ADD COLUMN "body_cleaned" boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE UNLOGGED TABLE "intake_rate_window" (
        "client" text NOT NULL,
        "window_start" timestamptz NOT NULL,
        "hits" integer NOT NULL,
        CONSTRAINT "pk_intake_rate_window" PRIMARY KEY ("client", "window_start")
      )`);
    await q.query(`CREATE INDEX "ix_intake_rate_window_start" ON "intake_rate_window" ("window_start")`);
    await q.query(`COMMENT ON TABLE "intake_rate_window" IS 'Intake requests per client address and minute: the current and previous minutes only'`);
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          GRANT SELECT, INSERT, UPDATE, DELETE ON intake_rate_window TO ${APP_ROLE};
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "intake_rate_window"`);
    await q.query(`ALTER TABLE "message" DROP COLUMN "body_cleaned"`);
    await q.query(`ALTER TABLE "report" DROP COLUMN "cleaned_fields"`);
  }
}
