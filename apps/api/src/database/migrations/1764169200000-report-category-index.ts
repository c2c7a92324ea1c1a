import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The queue's category filter and its count: reports by category, then case, without a scan of all reports. */
export class ReportCategoryIndex1764169200000 implements MigrationInterface {
  name = 'ReportCategoryIndex1764169200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "ix_report_category_case" ON "report" ("category", "case_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_report_category_case"`);
  }
}
