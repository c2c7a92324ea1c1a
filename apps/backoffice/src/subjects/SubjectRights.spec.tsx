import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RetentionRun, SubjectErasurePreview, SubjectReport, SubjectRestriction } from '@vigie/contracts';
import { renderWithAdmin } from '../testing/renderWithAdmin';
import { SubjectRightsCard } from './SubjectRightsCard';
import { subjectsApi, type SubjectsApi } from './subjectsApi';

const CASE_A = '7c1d0f3e-1111-4000-8000-000000000001';
const CASE_B = '9a2b0f3e-2222-4000-8000-000000000002';

const reportWith = (restriction: SubjectRestriction | null): SubjectReport => ({
  subject: { externalId: 'u_zoe_42', displayName: 'Zoë Élise', kind: 'explorer' },
  cases: [],
  accesses: [],
  generatedAt: '2026-12-05T11:00:00.000Z',
  restriction,
});

const RESTRICTION: SubjectRestriction = { reason: 'Conteste le signalement.', reference: 'DPO-2026-118', restrictedAt: '2026-12-01T09:00:00.000Z', restrictedBy: { id: 's9', name: 'Inès DPO' } };

/** A fake of the screen's calls: the restriction kept in memory, every call recorded. */
function fakeApi(options: { restricted?: boolean; preview?: SubjectErasurePreview } = {}) {
  let restriction: SubjectRestriction | null = options.restricted ? RESTRICTION : null;
  const calls: string[] = [];
  const api: SubjectsApi = {
    ...subjectsApi,
    report: async () => reportWith(restriction),
    restrict: async (id, reason, reference) => {
      calls.push(`restrict ${id} ${reason} ${reference}`);
      restriction = { ...RESTRICTION, reason, reference };
    },
    liftRestriction: async (id, reason) => {
      calls.push(`lift ${id} ${reason}`);
      restriction = null;
    },
    erasurePreview: async () => options.preview ?? { caseIds: [CASE_A, CASE_B], heldCaseIds: [], messages: 9, reports: 2 },
    erase: async (id, reference) => {
      calls.push(`erase ${id} ${reference}`);
      return { id: 'run-1', counts: { casesPurged: 2 } } as unknown as RetentionRun;
    },
  };
  return { api, calls };
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe("the person's rights on the Personnes screen", () => {
  it('restricts with a reason and the request reference, then shows the restriction standing', async () => {
    const { api, calls } = fakeApi();
    renderWithAdmin(<SubjectRightsCard externalId="u_zoe_42" api={api} />);
    expect(await screen.findByText("Le traitement de ses données n'est pas limité.")).toBeTruthy();
    fireEvent.click(screen.getByTestId('subject-restrict'));
    // Too short a reason is not sent.
    type('subject-rights-reason', 'court');
    type('subject-rights-reference', 'DPO-2026-120');
    fireEvent.click(screen.getByTestId('subject-rights-confirm'));
    expect(calls).toEqual([]);
    type('subject-rights-reason', '  La personne conteste le signalement.  ');
    fireEvent.click(screen.getByTestId('subject-rights-confirm'));
    await waitFor(() => expect(calls).toEqual(['restrict u_zoe_42 La personne conteste le signalement. DPO-2026-120']));
    expect((await screen.findByTestId('subject-restriction')).textContent).toContain('réf. DPO-2026-120');
  });

  it('lifts a standing restriction with a reason', async () => {
    const { api, calls } = fakeApi({ restricted: true });
    renderWithAdmin(<SubjectRightsCard externalId="u_zoe_42" api={api} />);
    expect((await screen.findByTestId('subject-restriction')).textContent).toContain('DPO-2026-118');
    fireEvent.click(screen.getByTestId('subject-lift'));
    expect(screen.queryByTestId('subject-rights-reference')).toBeNull();
    type('subject-rights-reason', 'Vérification faite avec la personne.');
    fireEvent.click(screen.getByTestId('subject-rights-confirm'));
    await waitFor(() => expect(calls).toEqual(['lift u_zoe_42 Vérification faite avec la personne.']));
    expect(await screen.findByText("Le traitement de ses données n'est pas limité.")).toBeTruthy();
  });

  it('previews the erasure, then erases with the reference once confirmed', async () => {
    const { api, calls } = fakeApi();
    const onErased = jest.fn();
    renderWithAdmin(<SubjectRightsCard externalId="u_zoe_42" api={api} onErased={onErased} />);
    fireEvent.click(await screen.findByTestId('subject-erase'));
    expect((await screen.findByTestId('subject-erasure-preview')).textContent).toBe(
      '2 dossiers seront effacés (2 signalement(s), 9 message(s)), comme le ferait la conservation.',
    );
    fireEvent.click(screen.getByTestId('subject-rights-confirm'));
    expect(calls).toEqual([]);
    type('subject-rights-reference', 'DPO-2026-121');
    fireEvent.click(screen.getByTestId('subject-rights-confirm'));
    await waitFor(() => expect(calls).toEqual(['erase u_zoe_42 DPO-2026-121']));
    await waitFor(() => expect(onErased).toHaveBeenCalled());
  });

  it('refuses to erase while a case is held, naming it', async () => {
    const { api, calls } = fakeApi({ preview: { caseIds: [CASE_A, CASE_B], heldCaseIds: [CASE_B], messages: 9, reports: 2 } });
    renderWithAdmin(<SubjectRightsCard externalId="u_zoe_42" api={api} />);
    fireEvent.click(await screen.findByTestId('subject-erase'));
    const held = await screen.findByTestId('subject-erasure-held');
    expect(within(held).getByText(/9a2b0f3e/)).toBeTruthy();
    expect(held.textContent).not.toContain('7c1d0f3e');
    expect((screen.getByTestId('subject-rights-confirm') as HTMLButtonElement).disabled).toBe(true);
    expect(calls).toEqual([]);
  });
});
