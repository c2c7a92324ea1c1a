import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The role the API works as (`DATABASE_ROLE`): everything it needs, nothing it must not do. */
export const APP_ROLE = 'vigie_app';

/**
 * The gate and the access register.
 *
 * - `access_grant`: a staff member's time-boxed permission to read some messages of one case.
 * - `access_log`: the register, a hash chain the application computes; the database keeps it
 *   append-only — no UPDATE, DELETE or TRUNCATE for the application's role, and triggers that
 *   refuse them for everyone else — except `access_log_erase_personal`, which retention calls
 *   to erase the personal fields of a purged case's entries (their digests stay in the chain).
 * - `register_checkpoint`: signed heads of the chain.
 * - The application's role `vigie_app` cannot read message bodies at all:
 *   `gate_message_bodies` hands them out only for a live grant whose `read` entry was written in
 *   the same transaction.
 */
export class AccessRegister1764158400000 implements MigrationInterface {
  name = 'AccessRegister1764158400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "access_grant" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL REFERENCES "moderation_case" ("id"),
        "staff_id" uuid NOT NULL REFERENCES "staff_user" ("id"),
        "scope" text NOT NULL CHECK ("scope" IN ('context', 'full')),
        "report_ids" uuid[] NOT NULL,
        "message_ids" uuid[] NOT NULL,
        "created_at" timestamptz NOT NULL,
        "expires_at" timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX "ix_access_grant_case" ON "access_grant" ("case_id")`);

    // No foreign keys: the register must stay readable and verifiable whatever happens to the
    // rows it names.
    await q.query(`
      CREATE TABLE "access_log" (
        "sequence" bigint PRIMARY KEY CHECK ("sequence" > 0),
        "at" timestamptz NOT NULL,
        "staff_id" uuid NOT NULL,
        "staff_roles" text[] NOT NULL,
        "case_id" uuid,
        "conversation_id" uuid,
        "report_ids" uuid[] NOT NULL,
        "subject_ids" uuid[] NOT NULL,
        "legal_basis" text NOT NULL,
        "purpose" text NOT NULL,
        "outcome" text NOT NULL CHECK ("outcome" IN ('granted', 'denied', 'read')),
        "reason" text,
        "scope" jsonb,
        "grant_id" uuid,
        "request_id" text,
        "justification" text,
        "justification_digest" text NOT NULL,
        "ip" text,
        "ip_digest" text NOT NULL,
        "user_agent" text,
        "user_agent_digest" text NOT NULL,
        "salt" text,
        "erased_at" timestamptz,
        "prev_hash" text NOT NULL,
        "hash" text NOT NULL
      )`);
    await q.query(`COMMENT ON TABLE "access_log" IS 'The access register: append-only hash chain; personal fields erasable by retention only'`);
    await q.query(`CREATE INDEX "ix_access_log_staff" ON "access_log" ("staff_id", "sequence")`);
    await q.query(`CREATE INDEX "ix_access_log_case" ON "access_log" ("case_id", "sequence")`);
    await q.query(`CREATE INDEX "ix_access_log_at" ON "access_log" ("at")`);
    await q.query(`CREATE INDEX "ix_access_log_subjects" ON "access_log" USING gin ("subject_ids")`);
    await q.query(`CREATE INDEX "ix_access_log_grant" ON "access_log" ("grant_id") WHERE "grant_id" IS NOT NULL`);

    await q.query(`
      CREATE TABLE "register_checkpoint" (
        "sequence" bigint PRIMARY KEY,
        "head_hash" text NOT NULL,
        "time" text NOT NULL,
        "public_key" text NOT NULL,
        "signature" text NOT NULL,
        "created_at" timestamptz NOT NULL
      )`);

    // Allows one kind of UPDATE: an erasure of the personal fields that leaves every chained
    // column as it was. Anything else — other updates, deletes, truncation — is refused.
    await q.query(`
      CREATE FUNCTION "access_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Nested: PL/pgSQL does not short-circuit, and only access_log has these fields.
        IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'access_log' THEN
          IF OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL
             AND NEW.justification IS NULL AND NEW.ip IS NULL AND NEW.user_agent IS NULL AND NEW.salt IS NULL
             AND to_jsonb(NEW) - ARRAY['justification', 'ip', 'user_agent', 'salt', 'erased_at']
               = to_jsonb(OLD) - ARRAY['justification', 'ip', 'user_agent', 'salt', 'erased_at'] THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['access_log', 'register_checkpoint']) {
      await q.query(`CREATE TRIGGER "${table}_no_change" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "access_log_append_only"()`);
      await q.query(`CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "access_log_append_only"()`);
    }

    // Retention's one way into the register: personal fields of cases already purged.
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

    // The gate's way to message bodies: a live grant of this staff member, whose read was
    // recorded in this very transaction — no entry, no content.
    await q.query(`
      CREATE FUNCTION "gate_message_bodies"(p_grant_id uuid, p_staff_id uuid, p_at timestamptz)
      RETURNS TABLE (message_id uuid, body text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT b.message_id, b.body
          FROM access_grant g
          JOIN message_body b ON b.message_id = ANY (g.message_ids)
         WHERE g.id = p_grant_id AND g.staff_id = p_staff_id AND g.expires_at > p_at
           AND EXISTS (SELECT 1 FROM access_log l
                        WHERE l.grant_id = p_grant_id AND l.outcome = 'read'
                          AND l.xmin = pg_current_xact_id()::xid)
      $$`);

    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} NOLOGIN;
        END IF;
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'Cannot create role ${APP_ROLE}: create it (NOLOGIN) and rerun the migrations to restrict the API';
      END $$`);
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          RETURN;
        END IF;
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${APP_ROLE}', current_schema());
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO ${APP_ROLE}', current_schema());
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO ${APP_ROLE}', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}', current_schema());
        REVOKE UPDATE, DELETE, TRUNCATE ON access_log, register_checkpoint, access_grant FROM ${APP_ROLE};
        REVOKE SELECT, UPDATE ON message_body FROM ${APP_ROLE};
        GRANT SELECT (message_id) ON message_body TO ${APP_ROLE};
        GRANT EXECUTE ON FUNCTION access_log_erase_personal(uuid[], timestamptz), gate_message_bodies(uuid, uuid, timestamptz) TO ${APP_ROLE};
        -- A non-superuser owner must be a member to switch to the role.
        IF NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') THEN
          EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
        END IF;
      END $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION access_log_erase_personal(uuid[], timestamptz), gate_message_bodies(uuid, uuid, timestamptz) FROM PUBLIC`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON access_log, register_checkpoint FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION "gate_message_bodies"(uuid, uuid, timestamptz)`);
    await q.query(`DROP FUNCTION "access_log_erase_personal"(uuid[], timestamptz)`);
    await q.query(`DROP TABLE "register_checkpoint"`);
    await q.query(`DROP TABLE "access_log"`);
    await q.query(`DROP FUNCTION "access_log_append_only"()`);
    await q.query(`DROP TABLE "access_grant"`);
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON TABLES FROM ${APP_ROLE}', current_schema());
          EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON SEQUENCES FROM ${APP_ROLE}', current_schema());
          EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM ${APP_ROLE}', current_schema());
          EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM ${APP_ROLE}', current_schema());
          EXECUTE format('REVOKE ALL ON SCHEMA %I FROM ${APP_ROLE}', current_schema());
        END IF;
      END $$`);
  }
}
