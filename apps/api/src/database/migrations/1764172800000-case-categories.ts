import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The queue's category filter, at a million cases: the distinct categories of a case's reports
 * are kept on the case (intake refreshes them with the priority) and carried in the queue's index,
 * so that counting the open cases of a category is an index-only scan — instead of a semi-join
 * over every report of every open case: 1.5 s for one category among 135 k open cases and 3 M
 * reports (EXPLAIN ANALYZE on the benchmark's full dataset), 55 ms this way. A GIN index on the
 * array was tried: 240 ms, every matching case fetched from the heap for the count.
 */
export class CaseCategories1764172800000 implements MigrationInterface {
  name = 'CaseCategories1764172800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "moderation_case" ADD COLUMN "categories" text[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      UPDATE "moderation_case" c SET "categories" = r.categories
        FROM (SELECT "case_id", array_agg(DISTINCT "category" ORDER BY "category") AS categories FROM "report" GROUP BY "case_id") r
       WHERE r."case_id" = c."id"`);
    await q.query(`DROP INDEX "ix_moderation_case_queue"`);
    await q.query(
      `CREATE INDEX "ix_moderation_case_queue" ON "moderation_case" ("priority" DESC, "created_at", "id") INCLUDE ("categories") WHERE "status" IN ('open', 'in_review')`,
    );
    // The semi-join's index: nothing reads reports by category any more.
    await q.query(`DROP INDEX "ix_report_category_case"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "ix_report_category_case" ON "report" ("category", "case_id")`);
    await q.query(`DROP INDEX "ix_moderation_case_queue"`);
    await q.query(`CREATE INDEX "ix_moderation_case_queue" ON "moderation_case" ("priority" DESC, "created_at", "id") WHERE "status" IN ('open', 'in_review')`);
    await q.query(`ALTER TABLE "moderation_case" DROP COLUMN "categories"`);
  }
}
