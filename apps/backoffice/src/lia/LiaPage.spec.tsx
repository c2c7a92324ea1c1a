import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { LiaOverview, LiaVersion } from '@vigie/contracts';
import { renderWithAdmin } from '../testing/renderWithAdmin';
import { LegalBasisNotice } from '../gate/LegalBasisNotice';
import { effectiveFromOfDay, type LiaApi } from './liaApi';
import { LiaPage } from './LiaPage';

const V1: LiaVersion = {
  version: 1,
  text: "# Analyse d'intérêt légitime\n\n## Garanties\n- La porte : un accès limité.\n- Le registre : chaque accès inscrit.",
  effectiveFrom: '2026-11-01T08:00:00.000Z',
  writtenAt: '2026-11-01T08:00:00.000Z',
  writtenBy: null,
  digest: 'ab'.repeat(32),
};

function fakeApi(overview: LiaOverview): LiaApi & { published: { text: string; effectiveFrom?: string }[] } {
  const published: { text: string; effectiveFrom?: string }[] = [];
  return {
    published,
    overview: async () => overview,
    current: async () => overview.current as LiaVersion,
    version: async () => overview.current as LiaVersion,
    publish: async (text, effectiveFrom) => {
      published.push({ text, effectiveFrom });
      return { ...V1, version: 2, text, writtenBy: { id: 'd', name: 'Sophie Bernard' } };
    },
  };
}

describe('the legitimate-interest assessment screen', () => {
  it('shows the version in force, its history, and publishes the edited text from today (now)', async () => {
    const api = fakeApi({ current: V1, history: [{ ...V1 }] });
    renderWithAdmin(<LiaPage api={api} />);
    await screen.findByText('Version 1 en vigueur');
    expect(within(screen.getByTestId('lia-current')).getByRole('heading', { name: 'Garanties' })).toBeTruthy();
    expect(within(screen.getByTestId('lia-history')).getByText('modèle fourni à l’installation', { exact: false })).toBeTruthy();
    const input = screen.getByTestId('lia-text-input') as HTMLTextAreaElement;
    await waitFor(() => expect(input.value).toBe(V1.text));
    fireEvent.change(input, { target: { value: `${V1.text}\n- Relecture annuelle par le DPO.` } });
    fireEvent.click(screen.getByTestId('lia-publish'));
    await waitFor(() => expect(api.published).toEqual([{ text: `${V1.text}\n- Relecture annuelle par le DPO.`, effectiveFrom: undefined }]));
  });

  it('refuses to publish a text too short or a day in the past', async () => {
    const api = fakeApi({ current: V1, history: [{ ...V1 }] });
    renderWithAdmin(<LiaPage api={api} />);
    await screen.findByText('Version 1 en vigueur');
    fireEvent.change(screen.getByTestId('lia-text-input'), { target: { value: 'Trop court.' } });
    expect((screen.getByTestId('lia-publish') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('lia-text-input'), { target: { value: V1.text } });
    fireEvent.change(screen.getByTestId('lia-effective-input'), { target: { value: '2020-01-01' } });
    expect((screen.getByTestId('lia-publish') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Une version ne prend jamais effet dans le passé.')).toBeTruthy();
  });

  it('takes a later day at its midnight, today at once', () => {
    const now = new Date(2026, 11, 6, 15, 30);
    expect(effectiveFromOfDay('2026-12-06', now)).toBeUndefined();
    expect(effectiveFromOfDay('2026-12-08', now)).toBe(new Date(2026, 11, 8).toISOString());
  });
});

describe('the gate dialog’s legal basis', () => {
  it('names the assessment in force and links to it', async () => {
    renderWithAdmin(<LegalBasisNotice currentLia={async () => ({ version: 3 })} />);
    const link = await screen.findByTestId('gate-lia-link');
    expect(link.textContent).toBe('analyse d’intérêt légitime en vigueur\u00a0: AIL v3');
    expect(link.getAttribute('href')).toContain('/lia/3');
  });
});
