import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CaseDetail } from '@vigie/contracts';
import { aCaseInReview, aNote, JULIEN } from '../testing/caseFixtures';
import { jsonReply } from '../testing/fakeFetch';
import { refusal, renderCasePage, serveCasePage, writesOf } from '../testing/casePageKit';
import { useFakeApi } from '../testing/fakeApi';

const fetchMock = useFakeApi();

const notesCard = () => screen.findByTestId('case-notes');

describe('the notes of a case', () => {
  it('adds a note, then shows it with its author', async () => {
    const state: { current: CaseDetail } = { current: aCaseInReview() };
    serveCasePage(fetchMock, {
      get current() {
        return state.current;
      },
      addNote: (body) => {
        const note = aNote({ text: (body as { text: string }).text }, 0);
        state.current = aCaseInReview({ notes: [note], version: 5 });
        return jsonReply(201, note);
      },
    });
    renderCasePage(state.current.id, ['moderator']);

    const card = await notesCard();
    expect(within(card).getByText("Aucune note pour l'instant.")).toBeTruthy();
    const input = within(card).getByTestId('note-input') as HTMLTextAreaElement;
    fireEvent.change(input, { target: { value: '  Profil du signalant vérifié : 14 ans.  ' } });
    await act(async () => fireEvent.click(within(card).getByRole('button', { name: 'Ajouter la note' })));

    expect(writesOf(fetchMock)).toEqual([
      {
        method: 'POST',
        path: `/api/v1/cases/${state.current.id}/notes`,
        body: { text: 'Profil du signalant vérifié : 14 ans.' },
      },
    ]);
    expect(await screen.findByText('Note ajoutée.')).toBeTruthy();
    const note = await within(card).findByTestId('note');
    expect(within(note).getByText('Profil du signalant vérifié : 14 ans.')).toBeTruthy();
    expect(within(note).getByText('Camille Moreau')).toBeTruthy();
    expect(input.value).toBe('');
  });

  it('sends no empty note', async () => {
    const current = aCaseInReview();
    serveCasePage(fetchMock, { current, addNote: () => jsonReply(201, aNote()) });
    renderCasePage(current.id, ['moderator']);

    const card = await notesCard();
    fireEvent.change(within(card).getByTestId('note-input'), { target: { value: '   ' } });
    await act(async () => fireEvent.click(within(card).getByRole('button', { name: 'Ajouter la note' })));

    expect(within(card).getByText("Écrivez la note avant de l'ajouter.")).toBeTruthy();
    expect(writesOf(fetchMock)).toEqual([]);
  });

  it('lets its author edit a note while the window is open, and says how long remains', async () => {
    const note = aNote({}, 2);
    const current = aCaseInReview({ notes: [note] });
    serveCasePage(fetchMock, {
      current,
      editNote: (_id, body) =>
        jsonReply(200, {
          ...note,
          text: (body as { text: string }).text,
          editedAt: new Date().toISOString(),
        }),
    });
    renderCasePage(current.id, ['moderator']);

    const item = within(await notesCard()).getByTestId('note');
    expect((await within(item).findByTestId('note-editable-for')).textContent).toBe(
      'Modifiable encore 12 minutes',
    );
    fireEvent.click(within(item).getByRole('button', { name: 'Modifier la note' }));
    const field = within(item).getByTestId('note-edit-input') as HTMLTextAreaElement;
    expect(field.value).toBe('Le signalant a 14 ans selon son profil.');
    fireEvent.change(field, { target: { value: 'Le signalant a 13 ans selon son profil.' } });
    await act(async () => fireEvent.click(within(item).getByRole('button', { name: 'Enregistrer' })));

    expect(writesOf(fetchMock)).toEqual([
      {
        method: 'PATCH',
        path: `/api/v1/cases/${current.id}/notes/${note.id}`,
        body: { text: 'Le signalant a 13 ans selon son profil.' },
      },
    ]);
    expect(await screen.findByText('Note modifiée.')).toBeTruthy();
  });

  it("freezes a note after 15 minutes, and never offers to edit a colleague's", async () => {
    const frozen = aNote({ id: 'n-old', text: 'Première lecture faite.' }, 20);
    const colleagues = aNote(
      { id: 'n-julien', author: JULIEN, text: 'Vu, je confirme.', editedAt: new Date().toISOString() },
      1,
    );
    const current = aCaseInReview({ notes: [frozen, colleagues] });
    serveCasePage(fetchMock, { current });
    renderCasePage(current.id, ['moderator']);

    const card = await notesCard();
    await waitFor(() => expect(within(card).getAllByTestId('note')).toHaveLength(2));
    const [mine, theirs] = within(card).getAllByTestId('note');
    expect(within(mine).getByText('Première lecture faite.')).toBeTruthy();
    expect(await within(mine).findByTestId('note-frozen')).toBeTruthy();
    expect(within(mine).queryByRole('button', { name: 'Modifier la note' })).toBeNull();
    expect(within(theirs).getByText('Julien Lefèvre')).toBeTruthy();
    expect(within(theirs).getByTestId('note-edited').textContent).toBe('(modifiée)');
    expect(within(theirs).queryByRole('button', { name: 'Modifier la note' })).toBeNull();
    expect(within(theirs).queryByTestId('note-frozen')).toBeNull();
  });

  it('says when the window closed while the note was being edited', async () => {
    const note = aNote({}, 14.9);
    const current = aCaseInReview({ notes: [note] });
    serveCasePage(fetchMock, { current, editNote: () => refusal(409, 'note_frozen') });
    renderCasePage(current.id, ['moderator']);

    const item = within(await notesCard()).getByTestId('note');
    expect((await within(item).findByTestId('note-editable-for')).textContent).toBe(
      "Modifiable encore moins d'une minute",
    );
    fireEvent.click(within(item).getByRole('button', { name: 'Modifier la note' }));
    fireEvent.change(within(item).getByTestId('note-edit-input'), { target: { value: 'Trop tard.' } });
    await act(async () => fireEvent.click(within(item).getByRole('button', { name: 'Enregistrer' })));

    expect(
      await within(item).findByText('Cette note est désormais figée : ajoutez plutôt une nouvelle note.'),
    ).toBeTruthy();
    expect(within(item).queryByTestId('note-edit-input')).toBeNull();
  });
});
