import { screen } from '@testing-library/react';
import { renderWithAdmin } from '../testing/renderWithAdmin';
import { PolicyCard } from './PolicyCard';
import { aPolicy } from '../testing/retentionFixtures';

// French numbers and dates use no-break spaces: read every space as a plain one.
const words = (element: HTMLElement): string => (element.textContent ?? '').replace(/\s+/g, ' ');

describe('PolicyCard', () => {
  it('says the rule in force in plain words, then the next run, its rhythm and the batch size', async () => {
    renderWithAdmin(<PolicyCard policy={aPolicy()} error={null} />);

    expect(words(await screen.findByTestId('retention-statement'))).toBe(
      'Les données sont conservées 3 ans après la dernière activité.',
    );
    expect(words(screen.getByTestId('retention-next-run'))).toMatch(/27 novembre 2026/);
    expect(screen.getByText('Chaque jour')).toBeTruthy();
    expect(words(screen.getByTestId('retention-batch-size'))).toMatch(/Par lots de 500 dossiers/);
    expect(screen.getByText(/Dernière activité avant le 26 novembre 2023/)).toBeTruthy();
  });

  it('words a period of years and months, and says when runs are manual only', async () => {
    renderWithAdmin(
      <PolicyCard policy={aPolicy({ period: 'P2Y6M', scheduleHours: 0, nextRunAt: null })} error={null} />,
    );

    expect(words(await screen.findByTestId('retention-statement'))).toBe(
      'Les données sont conservées 2 ans et 6 mois après la dernière activité.',
    );
    expect(words(screen.getByTestId('retention-next-run'))).toMatch(/Aucune : passes manuelles uniquement/);
    expect(screen.getByText('À la demande')).toBeTruthy();
  });

  it('shows a period it cannot word as configured, rather than guessing', async () => {
    renderWithAdmin(<PolicyCard policy={aPolicy({ period: 'P1.5Y' })} error={null} />);

    expect(words(await screen.findByTestId('retention-statement'))).toBe(
      'Durée de conservation configurée : P1.5Y après la dernière activité.',
    );
  });
});
