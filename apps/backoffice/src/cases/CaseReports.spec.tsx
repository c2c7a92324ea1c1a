import { screen } from '@testing-library/react';
import { aReport } from '../testing/caseFixtures';
import { renderWithAdmin } from '../testing/renderWithAdmin';
import { CaseReports } from './CaseReports';

describe('CaseReports', () => {
  it('says which fields of a report had characters replaced, and nothing for a clean one', async () => {
    renderWithAdmin(
      <CaseReports
        reports={[aReport(), aReport({ id: 'r2', externalId: 'rep_2', comment: 'Regarde\ufffd', cleanedFields: ['comment', 'reported.displayName'] })]}
      />,
      ['moderator'],
    );

    const notes = await screen.findAllByTestId('report-cleaned');
    expect(notes.map((note) => note.textContent)).toEqual([
      'Des caractères impossibles à conserver ont été remplacés par «\u00a0\ufffd\u00a0» dans\u00a0: comment, reported.displayName',
    ]);
    expect(notes[0].closest('[data-report]')?.getAttribute('data-report')).toBe('rep_2');
  });
});
