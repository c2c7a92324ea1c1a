import { screen } from '@testing-library/react';
import { JustificationCell } from './JustificationCell';
import { renderWithAdmin } from '../testing/renderWithAdmin';

describe('the justification of an entry', () => {
  it('points a read to its grant rather than calling it unjustified', async () => {
    renderWithAdmin(<JustificationCell justification={null} erasedAt={null} outcome="read" />);
    expect(await screen.findByText("Celle de l'accès accordé")).toBeTruthy();
    expect(screen.queryByText('Aucune justification')).toBeNull();
  });

  it('says so when a grant or refusal has none', async () => {
    renderWithAdmin(<JustificationCell justification={null} erasedAt={null} outcome="denied" />);
    expect(await screen.findByText('Aucune justification')).toBeTruthy();
  });
});
