import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the platform sends: its users, the reported conversations with their messages, the
 * reports; and the cases moderators work, with their timeline. Message bodies live in their own
 * table (`message_body`), read by the gate alone.
 */
export class ReportsAndCases1764154800000 implements MigrationInterface {
  name = 'ReportsAndCases1764154800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "platform_user" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "external_id" text NOT NULL,
        "kind" text CHECK ("kind" IN ('explorer', 'expert')),
        "display_name" text,
        "last_activity_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "uq_platform_user_external_id" UNIQUE ("external_id")
      )`);
    await q.query(`
      CREATE TABLE "conversation" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "external_id" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "uq_conversation_external_id" UNIQUE ("external_id")
      )`);
    await q.query(`
      CREATE TABLE "conversation_participant" (
        "conversation_id" uuid NOT NULL REFERENCES "conversation" ("id") ON DELETE CASCADE,
        "user_id" uuid NOT NULL REFERENCES "platform_user" ("id"),
        PRIMARY KEY ("conversation_id", "user_id")
      )`);
    await q.query(`CREATE INDEX "ix_conversation_participant_user" ON "conversation_participant" ("user_id")`);
    await q.query(`
      CREATE TABLE "message" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "conversation_id" uuid NOT NULL REFERENCES "conversation" ("id") ON DELETE CASCADE,
        "external_id" text NOT NULL,
        "author_id" uuid NOT NULL REFERENCES "platform_user" ("id"),
        "sent_at" timestamptz NOT NULL,
        CONSTRAINT "uq_message_conversation_external_id" UNIQUE ("conversation_id", "external_id")
      )`);
    await q.query(`CREATE INDEX "ix_message_conversation_sent" ON "message" ("conversation_id", "sent_at", "id")`);
    await q.query(`
      CREATE TABLE "message_body" (
        "message_id" uuid PRIMARY KEY REFERENCES "message" ("id") ON DELETE CASCADE,
        "body" text NOT NULL
      )`);
    await q.query(`COMMENT ON TABLE "message_body" IS 'Conversation content: read only through the gate, erased by retention'`);
    await q.query(`
      CREATE TABLE "moderation_case" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "conversation_id" uuid NOT NULL REFERENCES "conversation" ("id"),
        "status" text NOT NULL DEFAULT 'open'
          CHECK ("status" IN ('open', 'in_review', 'actioned', 'dismissed', 'closed')),
        "priority" integer NOT NULL,
        "assignee_id" uuid REFERENCES "staff_user" ("id"),
        "created_at" timestamptz NOT NULL,
        "last_activity_at" timestamptz NOT NULL,
        "closed_at" timestamptz,
        "close_reason" text,
        "legal_hold" boolean NOT NULL DEFAULT false,
        "data_purged_at" timestamptz,
        "version" integer NOT NULL DEFAULT 1
      )`);
    // One open case per reported conversation: a new report joins it. Also what makes two
    // concurrent first reports on a conversation end in one case.
    await q.query(`CREATE UNIQUE INDEX "ux_moderation_case_open_conversation" ON "moderation_case" ("conversation_id") WHERE "status" <> 'closed'`);
    await q.query(`CREATE INDEX "ix_moderation_case_queue" ON "moderation_case" ("priority" DESC, "created_at", "id") WHERE "status" IN ('open', 'in_review')`);
    await q.query(`CREATE INDEX "ix_moderation_case_assignee" ON "moderation_case" ("assignee_id", "status")`);
    await q.query(`CREATE INDEX "ix_moderation_case_last_activity" ON "moderation_case" ("last_activity_at") WHERE "status" <> 'closed' OR "data_purged_at" IS NULL`);
    await q.query(`
      CREATE TABLE "report" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "external_id" text NOT NULL,
        "case_id" uuid NOT NULL REFERENCES "moderation_case" ("id"),
        "conversation_id" uuid NOT NULL REFERENCES "conversation" ("id"),
        "reporter_id" uuid NOT NULL REFERENCES "platform_user" ("id"),
        "reported_id" uuid NOT NULL REFERENCES "platform_user" ("id"),
        "category" text NOT NULL,
        "comment" text,
        "reported_message_ids" text[] NOT NULL,
        "reported_at" timestamptz NOT NULL,
        "received_at" timestamptz NOT NULL,
        CONSTRAINT "uq_report_external_id" UNIQUE ("external_id")
      )`);
    await q.query(`CREATE INDEX "ix_report_case" ON "report" ("case_id")`);
    await q.query(`CREATE INDEX "ix_report_reported" ON "report" ("reported_id", "reported_at" DESC)`);
    await q.query(`
      CREATE TABLE "case_event" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "case_id" uuid NOT NULL REFERENCES "moderation_case" ("id"),
        "at" timestamptz NOT NULL,
        "type" text NOT NULL,
        "actor_staff_id" uuid REFERENCES "staff_user" ("id"),
        "data" jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX "ix_case_event_case" ON "case_event" ("case_id", "at", "id")`);
    await q.query(`
      CREATE TABLE "intake_request" (
        "idempotency_key" text PRIMARY KEY,
        "body_sha256" text NOT NULL,
        "status_code" integer NOT NULL,
        "response" jsonb NOT NULL,
        "received_at" timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['intake_request', 'case_event', 'report', 'moderation_case', 'message_body', 'message', 'conversation_participant', 'conversation', 'platform_user']) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
