import { reportPayloadSchema } from '@vigie/contracts';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { IntakeService } from '../intake/intake.service';
import { demoReports, seedDemoReports } from './demo-reports';

describe('demo data', () => {
  const now = new Date('2026-11-26T09:00:00Z');
  const threeYearsAgo = new Date('2023-11-26T09:00:00Z');

  it('is valid, varied, and lies on both sides of the three-year line', () => {
    const reports = demoReports(now);
    expect(reports).toHaveLength(120);
    for (const report of reports) expect(reportPayloadSchema.safeParse(report).success).toBe(true);
    expect(new Set(reports.map((r) => r.category)).size).toBeGreaterThanOrEqual(8);
    const old = reports.filter((r) => new Date(r.reportedAt) < threeYearsAgo).length;
    expect(old).toBeGreaterThan(0);
    expect(old).toBeLessThan(reports.length / 2);
    expect(reports.every((r) => new Date(r.reportedAt) <= now)).toBe(true);
    expect(demoReports(now)).toEqual(reports); // the same demo every time
  });

  describe('seeding through intake', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t?.close());

    it('stores every report once, however often it runs', async () => {
      const intake = t.app.get(IntakeService);
      const count = async () => (await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM report WHERE external_id LIKE 'demo_rep_%'`))[0].n;
      expect(await seedDemoReports(intake, new Date())).toBe(120);
      expect(await count()).toBe(120);
      await seedDemoReports(intake, new Date());
      expect(await count()).toBe(120);
    });
  });
});
