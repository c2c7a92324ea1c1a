import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The register's conversation filter ("who opened conversation X"): entries by conversation, newest first, without a scan. */
export class RegisterConversationIndex1764230400000 implements MigrationInterface {
  name = 'RegisterConversationIndex1764230400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "ix_access_log_conversation" ON "access_log" ("conversation_id", "sequence") WHERE "conversation_id" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_access_log_conversation"`);
  }
}
