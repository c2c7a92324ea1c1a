import { PERSONAL_DATA, purgedTables, purgeStatement } from './personal-data';

describe('the list of personal data, read on its own', () => {
  const tables = Object.entries(PERSONAL_DATA);

  it('finds the rows of every table that holds a case’s data, and deletes rows only where it says their words go with them', () => {
    expect(tables.filter(([, p]) => p.rows !== 'none' && !p.where).map(([t]) => t)).toEqual([]);
    const deletedColumns = tables.filter(([, p]) => Object.values(p.columns).some((fate) => 'deleted' in fate)).map(([t]) => t);
    expect(deletedColumns).toEqual(tables.filter(([, p]) => p.deleteRows).map(([t]) => t));
  });

  it('generates statements for exactly the tables whose columns it erases or deletes, and erases nothing outside a case’s data', () => {
    const erasing = tables.filter(([, p]) => p.rows !== 'none' && Object.values(p.columns).some((fate) => 'erase' in fate || 'keepKeys' in fate || 'deleted' in fate));
    expect(purgedTables().sort()).toEqual(erasing.map(([t]) => t).sort());
    // No table outside a case's data is erased by anyone.
    const stray = tables.filter(([, p]) => p.rows === 'none' && Object.values(p.columns).some((fate) => !('keep' in fate))).map(([t]) => t);
    expect(stray).toEqual([]);
  });

  it('generates one statement per purged table, touching only rows not yet erased', () => {
    expect(purgeStatement('report')).toContain(`t."comment" IS DISTINCT FROM NULL`);
    expect(purgeStatement('report')).toContain(`"external_id" = 'erased:' || id`);
    expect(purgeStatement('case_note')).toMatch(/^WITH erased AS \(DELETE FROM "case_note" WHERE case_id = ANY/);
    expect(purgeStatement('case_event')).toContain(`e.key IN ('action'`);
    expect(() => purgeStatement('staff_user')).toThrow('staff_user: no rows to purge');
  });
});
