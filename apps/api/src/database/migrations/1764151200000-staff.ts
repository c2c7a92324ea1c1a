import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff accounts, their server-side sessions, login throttling and the staff-activity log. */
export class Staff1764151200000 implements MigrationInterface {
  name = 'Staff1764151200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "staff_user" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "email" citext NOT NULL,
        "name" text NOT NULL,
        "roles" text[] NOT NULL,
        "password_hash" text NOT NULL,
        "totp_secret" text,
        "totp_enabled_at" timestamptz,
        "recovery_code_hashes" text[] NOT NULL DEFAULT '{}',
        "disabled_at" timestamptz,
        "last_login_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "uq_staff_user_email" UNIQUE ("email"),
        CONSTRAINT "ck_staff_user_roles" CHECK (
          cardinality("roles") > 0 AND "roles" <@ ARRAY['moderator', 'lead', 'dpo', 'admin']::text[]
        )
      )`);
    await q.query(`
      CREATE TABLE "staff_session" (
        "id" text PRIMARY KEY,
        "staff_id" uuid NOT NULL REFERENCES "staff_user" ("id") ON DELETE CASCADE,
        "csrf_token" text NOT NULL,
        "created_at" timestamptz NOT NULL,
        "last_seen_at" timestamptz NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz,
        "ip" inet,
        "user_agent" text
      )`);
    await q.query(`COMMENT ON COLUMN "staff_session"."id" IS 'SHA-256 of the cookie token: a leaked table does not open sessions'`);
    await q.query(`CREATE INDEX "ix_staff_session_staff" ON "staff_session" ("staff_id")`);
    await q.query(`
      CREATE TABLE "login_throttle" (
        "key" text PRIMARY KEY,
        "failures" integer NOT NULL,
        "locked_until" timestamptz,
        "last_failure_at" timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE "staff_activity" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "at" timestamptz NOT NULL,
        "event" text NOT NULL,
        "actor_id" uuid REFERENCES "staff_user" ("id"),
        "subject_id" uuid REFERENCES "staff_user" ("id"),
        "ip" inet,
        "user_agent" text,
        "details" jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX "ix_staff_activity_at" ON "staff_activity" ("at" DESC)`);
    await q.query(`CREATE INDEX "ix_staff_activity_subject" ON "staff_activity" ("subject_id", "at" DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "staff_activity"`);
    await q.query(`DROP TABLE "login_throttle"`);
    await q.query(`DROP TABLE "staff_session"`);
    await q.query(`DROP TABLE "staff_user"`);
  }
}
