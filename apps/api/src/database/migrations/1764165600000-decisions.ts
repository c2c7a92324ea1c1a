import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Working a case to the end: internal notes, decisions with their statement of reasons (DSA
 * Art. 17) and four-eyes approval, appeals (DSA Art. 20), and the transactional outbox that tells
 * the platform, with every delivery attempt.
 */
export class Decisions1764165600000 implements MigrationInterface {
  name = 'Decisions1764165600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "case_note" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL REFERENCES "moderation_case" ("id"),
        "author_id" uuid NOT NULL REFERENCES "staff_user" ("id"),
        "text" text NOT NULL,
        "created_at" timestamptz NOT NULL,
        "edited_at" timestamptz
      )`);
    await q.query(`CREATE INDEX "ix_case_note_case" ON "case_note" ("case_id", "created_at")`);
    await q.query(`
      CREATE TABLE "decision" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL REFERENCES "moderation_case" ("id"),
        "action" text NOT NULL CHECK ("action" IN ('no_violation', 'warning', 'content_removal', 'suspension', 'ban', 'appeal_upheld', 'appeal_overturned')),
        "policy_clause" text NOT NULL,
        "facts" text NOT NULL,
        "ground" text NOT NULL,
        "automated" boolean NOT NULL,
        "redress" text NOT NULL,
        "duration_days" integer,
        "message_ids" text[] NOT NULL DEFAULT '{}',
        "state" text NOT NULL CHECK ("state" IN ('effective', 'pending_approval', 'rejected')),
        "decided_by" uuid NOT NULL REFERENCES "staff_user" ("id"),
        "decided_at" timestamptz NOT NULL,
        "reviewed_by" uuid REFERENCES "staff_user" ("id"),
        "reviewed_at" timestamptz,
        "review_note" text
      )`);
    await q.query(`CREATE INDEX "ix_decision_case" ON "decision" ("case_id", "decided_at")`);
    // One proposal waiting for a lead per case at a time.
    await q.query(`CREATE UNIQUE INDEX "ux_decision_pending" ON "decision" ("case_id") WHERE "state" = 'pending_approval'`);
    await q.query(`CREATE INDEX "ix_decision_effective" ON "decision" ("decided_at") WHERE "state" = 'effective'`);

    await q.query(`ALTER TABLE "moderation_case" ADD COLUMN "appeal_of_decision_id" uuid REFERENCES "decision" ("id")`);
    // An appeal is a case of its own on the same conversation: it does not take the one open slot.
    await q.query(`DROP INDEX "ux_moderation_case_open_conversation"`);
    await q.query(`CREATE UNIQUE INDEX "ux_moderation_case_open_conversation" ON "moderation_case" ("conversation_id") WHERE "status" <> 'closed' AND "appeal_of_decision_id" IS NULL`);
    await q.query(`
      CREATE TABLE "appeal" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "external_id" text NOT NULL,
        "decision_id" uuid NOT NULL REFERENCES "decision" ("id"),
        "case_id" uuid NOT NULL REFERENCES "moderation_case" ("id"),
        "appellant_id" uuid NOT NULL REFERENCES "platform_user" ("id"),
        "statement" text,
        "submitted_at" timestamptz NOT NULL,
        "received_at" timestamptz NOT NULL,
        CONSTRAINT "uq_appeal_external_id" UNIQUE ("external_id")
      )`);
    await q.query(`CREATE INDEX "ix_appeal_decision" ON "appeal" ("decision_id")`);

    await q.query(`
      CREATE TABLE "outbox" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "event_type" text NOT NULL,
        "case_id" uuid NOT NULL REFERENCES "moderation_case" ("id"),
        "payload" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL,
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NOT NULL,
        "delivered_at" timestamptz,
        "last_status" integer,
        "last_error" text
      )`);
    await q.query(`CREATE INDEX "ix_outbox_due" ON "outbox" ("next_attempt_at") WHERE "delivered_at" IS NULL`);
    await q.query(`CREATE INDEX "ix_outbox_case" ON "outbox" ("case_id")`);
    await q.query(`
      CREATE TABLE "outbox_attempt" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "outbox_id" bigint NOT NULL REFERENCES "outbox" ("id"),
        "at" timestamptz NOT NULL,
        "status_code" integer,
        "error" text,
        "duration_ms" integer NOT NULL
      )`);
    await q.query(`CREATE INDEX "ix_outbox_attempt_outbox" ON "outbox_attempt" ("outbox_id", "at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "outbox_attempt"`);
    await q.query(`DROP TABLE "outbox"`);
    await q.query(`DROP TABLE "appeal"`);
    await q.query(`DROP INDEX "ux_moderation_case_open_conversation"`);
    await q.query(`CREATE UNIQUE INDEX "ux_moderation_case_open_conversation" ON "moderation_case" ("conversation_id") WHERE "status" <> 'closed'`);
    await q.query(`ALTER TABLE "moderation_case" DROP COLUMN "appeal_of_decision_id"`);
    await q.query(`DROP TABLE "decision"`);
    await q.query(`DROP TABLE "case_note"`);
  }
}
