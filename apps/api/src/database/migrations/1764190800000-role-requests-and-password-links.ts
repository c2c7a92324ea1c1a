import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Four eyes on roles and passwords admins never choose.
 * - `staff_role_request`: a role given through the API waits here for a second person;
 *   `staff_user.roles` keeps the approved roles only, which may be none while one is pending.
 * - `staff_password_link`: one-time links with which a person sets their own password; only the
 *   SHA-256 of the token is kept. An account created through the API has no password until then.
 */
export class RoleRequestsAndPasswordLinks1764190800000 implements MigrationInterface {
  name = 'RoleRequestsAndPasswordLinks1764190800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "staff_user" ALTER COLUMN "password_hash" DROP NOT NULL`);
    await q.query(`ALTER TABLE "staff_user" DROP CONSTRAINT "ck_staff_user_roles"`);
    await q.query(`ALTER TABLE "staff_user" ADD CONSTRAINT "ck_staff_user_roles" CHECK ("roles" <@ ARRAY['moderator', 'lead', 'dpo', 'admin']::text[])`);
    await q.query(`
      CREATE TABLE "staff_role_request" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "staff_id" uuid NOT NULL REFERENCES "staff_user" ("id") ON DELETE CASCADE,
        "requested_roles" text[] NOT NULL,
        "cause" text NOT NULL,
        "requested_by" uuid REFERENCES "staff_user" ("id"),
        "requested_at" timestamptz NOT NULL,
        "status" text NOT NULL DEFAULT 'pending',
        "decided_by" uuid REFERENCES "staff_user" ("id"),
        "decided_at" timestamptz,
        CONSTRAINT "ck_staff_role_request_roles" CHECK (
          cardinality("requested_roles") > 0 AND "requested_roles" <@ ARRAY['moderator', 'lead', 'dpo', 'admin']::text[]
        ),
        CONSTRAINT "ck_staff_role_request_cause" CHECK ("cause" IN ('roles_given', 'password_link')),
        CONSTRAINT "ck_staff_role_request_status" CHECK ("status" IN ('pending', 'approved', 'rejected', 'superseded')),
        CONSTRAINT "ck_staff_role_request_decided" CHECK (("status" = 'pending') = ("decided_at" IS NULL))
      )`);
    // One pending request per account: a newer one supersedes it.
    await q.query(`CREATE UNIQUE INDEX "uq_staff_role_request_pending" ON "staff_role_request" ("staff_id") WHERE "status" = 'pending'`);
    await q.query(`
      CREATE TABLE "staff_password_link" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "staff_id" uuid NOT NULL REFERENCES "staff_user" ("id") ON DELETE CASCADE,
        "token_hash" text NOT NULL,
        "issued_by" uuid REFERENCES "staff_user" ("id"),
        "issued_at" timestamptz NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        CONSTRAINT "uq_staff_password_link_token" UNIQUE ("token_hash")
      )`);
    await q.query(`COMMENT ON COLUMN "staff_password_link"."token_hash" IS 'SHA-256 of the token: a leaked table sets no password'`);
    await q.query(`CREATE INDEX "ix_staff_password_link_staff" ON "staff_password_link" ("staff_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "staff_password_link"`);
    await q.query(`DROP TABLE "staff_role_request"`);
    await q.query(`ALTER TABLE "staff_user" DROP CONSTRAINT "ck_staff_user_roles"`);
    await q.query(`ALTER TABLE "staff_user" ADD CONSTRAINT "ck_staff_user_roles" CHECK (
      cardinality("roles") > 0 AND "roles" <@ ARRAY['moderator', 'lead', 'dpo', 'admin']::text[])`);
    await q.query(`ALTER TABLE "staff_user" ALTER COLUMN "password_hash" SET NOT NULL`);
  }
}
