import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { RegisterVerification, RegisterVerifySchedule } from '@vigie/contracts';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { IntegrityCard } from './IntegrityCard';
import { aCheckpoint, aVerification } from '../testing/registerFixtures';
import { renderWithAdmin } from '../testing/renderWithAdmin';

const fetchMock = createFetchMock();

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
});

const verifyCalls = () => fetchMock.mock.calls.map(([input]) => String(input)).filter((url) => url !== '/api/v1/audit/verify/schedule');

const answerVerify = (body: RegisterVerification) => fetchMock.mockResolvedValue(jsonReply(200, body));

const verify = async () => {
  renderWithAdmin(<IntegrityCard />);
  fireEvent.click(await screen.findByRole('button', { name: "Vérifier l'intégrité" }));
};

// French numbers and punctuation use no-break spaces: read every space as a plain one.
const words = (element: HTMLElement): string => (element.textContent ?? '').replace(/\s+/g, ' ');

describe('IntegrityCard', () => {
  it('verifies only when asked, shows progress meanwhile, then says the register is intact in numbers', async () => {
    let answer: (response: Response) => void = () => undefined;
    fetchMock.mockReturnValue(new Promise<Response>((resolve) => (answer = resolve)));
    renderWithAdmin(<IntegrityCard />);

    expect(await screen.findByText(/pas encore été vérifié/)).toBeTruthy();
    // Only the schedule's last verification is read; the chain waits to be asked.
    expect(verifyCalls()).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: "Vérifier l'intégrité" }));

    expect(await screen.findByTestId('verification-running')).toBeTruthy();
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect((screen.getByRole('button', { name: "Vérifier l'intégrité" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(verifyCalls()).toEqual(['/api/v1/audit/verify']);

    answer(jsonReply(200, aVerification()));

    const result = await screen.findByTestId('verification-intact');
    expect(words(result)).toMatch(
      /Registre intact — 12 345 entrées vérifiées, dont 12 effacées par la conservation/,
    );
    expect(words(result)).toMatch(/3 points de contrôle signés concordent/);
    expect(words(result)).toMatch(/Journal du personnel intact : 321 entrées vérifiées/);
    expect(words(result)).toMatch(/Dernière entrée : n° 12 345/);
    // Entries by the format their hash was computed in.
    expect(words(result)).toMatch(/Par format de chaînage : format 1, 12 000 entrées, format 2, 345 entrées\./);
    // The head hash, shortened on screen, whole for copying.
    expect(result.querySelector('[data-hash]')?.getAttribute('data-hash')).toBe(aVerification().headHash);
    expect(words(result)).toContain('f00dcafe01…adbeef');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('button', { name: 'Vérifier à nouveau' })).toBeTruthy();
  });

  it('leaves out the erased count when retention erased nothing, and speaks in the singular for one entry', async () => {
    answerVerify(
      aVerification({ entriesChecked: 1, headSequence: 1, entriesErased: 0, checkpointsChecked: 0 }),
    );
    await verify();

    const result = await screen.findByTestId('verification-intact');
    expect(words(result)).toMatch(/Registre intact — 1 entrée vérifiée(?!,)/);
    expect(words(result)).not.toMatch(/effacée/);
    expect(words(result)).toMatch(/Aucun point de contrôle signé à comparer/);
  });

  it.each([
    ['hash_mismatch', /son contenu ne correspond plus à son empreinte/],
    ['sequence_gap', /une entrée manque dans la suite des numéros/],
    ['checkpoint_signature_invalid', /la signature d'un point de contrôle n'est pas valide/],
  ] as const)('names the first broken entry and says what %s means', async (problem, meaning) => {
    answerVerify(aVerification({ intact: false, firstBroken: { sequence: 4512, problem } }));
    await verify();

    const result = await screen.findByTestId('verification-broken');
    expect(words(result)).toMatch(/Registre altéré : première entrée rompue n° 4 512 — /);
    expect(words(result)).toMatch(meaning);
    expect(screen.queryByTestId('verification-intact')).toBeNull();
  });

  it('names the staff journal’s first broken entry when the register itself holds', async () => {
    answerVerify(
      aVerification({
        intact: false,
        journal: { intact: false, entriesChecked: 6, headSequence: 6, headHash: null, firstBroken: { sequence: 7, problem: 'hash_mismatch' } },
      }),
    );
    await verify();

    const result = await screen.findByTestId('verification-journal-broken');
    expect(words(result)).toMatch(/Journal du personnel altéré : première entrée rompue n° 7 — /);
    expect(screen.queryByTestId('verification-intact')).toBeNull();
  });

  it('says so when the verification itself fails, instead of claiming anything about the register', async () => {
    fetchMock.mockResolvedValue(
      jsonReply(500, { statusCode: 500, error: 'Internal Server Error', message: 'boom' }),
    );
    await verify();

    expect(await screen.findByText(/La vérification n'a pas pu aboutir/)).toBeTruthy();
    expect(screen.getByText(/momentanément indisponible/)).toBeTruthy();
    expect(screen.queryByTestId('verification-intact')).toBeNull();
    expect(screen.queryByTestId('verification-broken')).toBeNull();
  });

  it('does not take a "broken" answer that does not say where for an intact one', async () => {
    fetchMock.mockResolvedValue(jsonReply(200, { ...aVerification(), intact: false }));
    await verify();

    await waitFor(() => expect(screen.getByText(/La vérification n'a pas pu aboutir/)).toBeTruthy());
    expect(screen.queryByTestId('verification-intact')).toBeNull();
  });

  describe('against a checkpoint file kept outside Vigie', () => {
    const upload = async (text: string, name = 'vigie-checkpoint-4500.json') => {
      renderWithAdmin(<IntegrityCard />);
      await screen.findByRole('button', { name: 'Avec un point de contrôle…' });
      fireEvent.change(screen.getByTestId('checkpoint-upload'), {
        target: { files: [new File([text], name, { type: 'application/json' })] },
      });
    };

    it('sends the file as it is and says which checkpoint the register was compared with', async () => {
      const file = `${JSON.stringify(aCheckpoint({ sequence: 4500 }), null, 2)}\n`;
      answerVerify(aVerification({ intact: false, firstBroken: { sequence: 4501, problem: 'truncated_before_checkpoint' } }));
      await upload(file);

      const result = await screen.findByTestId('verification-broken');
      expect(words(result)).toMatch(/Registre altéré : première entrée rompue n° 4 501/);
      expect(words(screen.getByTestId('verified-against'))).toBe('Comparé au point de contrôle n° 4 500 (vigie-checkpoint-4500.json)');
      // The card also reads the schedule's last verification: the upload is the one POST.
      const posts = fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');
      expect(posts).toHaveLength(1);
      const [input, init] = posts[0];
      expect(String(input)).toBe('/api/v1/audit/verify');
      expect(JSON.parse(String(init?.body))).toEqual({ checkpoint: file });
    });

    it.each([
      ['checkpoint_unreadable', /n'est pas un point de contrôle signé du registre/],
      ['checkpoint_signature_invalid', /la signature de ce point de contrôle ne tient pas/],
    ])('says why a file is refused (%s), claiming nothing about the register', async (code, sentence) => {
      fetchMock.mockResolvedValue(jsonReply(400, { statusCode: 400, error: 'Bad Request', message: 'x', details: { code } }));
      await upload('{"sequence": 1}');

      expect(await screen.findByText(sentence)).toBeTruthy();
      expect(screen.queryByTestId('verification-intact')).toBeNull();
      expect(screen.queryByTestId('verified-against')).toBeNull();
    });
  });

  describe('the scheduled verification', () => {
    const answerSchedule = (body: RegisterVerifySchedule) =>
      fetchMock.mockImplementation(async (input) =>
        String(input) === '/api/v1/audit/verify/schedule' ? jsonReply(200, body) : jsonReply(200, aVerification()),
      );

    it('says when the schedule last found the register intact', async () => {
      answerSchedule({ scheduleHours: 24, last: { at: '2026-12-05T03:00:00.000Z', trigger: 'schedule', intact: true, entriesChecked: 1234, firstBrokenSequence: null } });
      renderWithAdmin(<IntegrityCard />);
      const line = await screen.findByTestId('scheduled-verification');
      expect(line.getAttribute('data-intact')).toBe('true');
      expect(words(line)).toMatch(/Dernière vérification planifiée le 05\/12\/2026.*registre intact \(1 234 entrées\)\. Vérifié toutes les 24 h\./);
    });

    it('says, in red, which entry the schedule found broken', async () => {
      answerSchedule({ scheduleHours: 24, last: { at: '2026-12-05T03:00:00.000Z', trigger: 'schedule', intact: false, entriesChecked: 1234, firstBrokenSequence: 77 } });
      renderWithAdmin(<IntegrityCard />);
      const line = await screen.findByTestId('scheduled-verification');
      expect(line.getAttribute('data-intact')).toBe('false');
      expect(words(line)).toMatch(/registre altéré, première entrée rompue n° 77\. Une alerte a été levée\./);
    });

    it('says when the schedule is off', async () => {
      answerSchedule({ scheduleHours: 0, last: null });
      renderWithAdmin(<IntegrityCard />);
      expect(words(await screen.findByTestId('scheduled-verification'))).toMatch(/Vérification planifiée désactivée/);
    });
  });
});
