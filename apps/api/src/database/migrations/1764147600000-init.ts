import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation every later table stands on: case-insensitive text for e-mail addresses,
 * and one row that says which product owns this database, so that pointing the API at
 * somebody else's database by mistake is caught at start.
 */
export class Init1764147600000 implements MigrationInterface {
  name = 'Init1764147600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await queryRunner.query(`
      CREATE TABLE "installation" (
        "id" boolean PRIMARY KEY DEFAULT true CHECK ("id"),
        "product" text NOT NULL DEFAULT 'vigie',
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`INSERT INTO "installation" DEFAULT VALUES`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "installation"`);
  }
}
