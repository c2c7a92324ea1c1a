import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SignedCheckpoint } from '@vigie/contracts';
import { setCsrfToken } from '../providers/httpClient';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { CheckpointsCard } from './CheckpointsCard';
import { aCheckpoint } from '../testing/registerFixtures';
import { renderWithAdmin } from '../testing/renderWithAdmin';

const fetchMock = createFetchMock();
const createObjectURL = jest.fn<string, [Blob]>();
const revokeObjectURL = jest.fn<void, [string]>();
const clickedLinks: HTMLAnchorElement[] = [];

const older = aCheckpoint({ sequence: 9000, time: '2026-10-01T08:00:00.000Z', headHash: 'ab'.repeat(32) });
const signed = aCheckpoint();
let stored: SignedCheckpoint[] = [];

beforeEach(() => {
  stored = [older];
  clickedLinks.length = 0;
  setCsrfToken('csrf-dpo');
  fetchMock.mockReset();
  global.fetch = fetchMock;
  fetchMock.mockImplementation(async (input, init) => {
    const url = new URL(String(input), 'http://vigie.test');
    if (url.pathname !== '/api/v1/audit/checkpoints') return jsonReply(404);
    if (init?.method === 'POST') {
      stored = [signed, ...stored];
      return jsonReply(201, signed);
    }
    return jsonReply(200, { data: stored, total: stored.length });
  });
  createObjectURL.mockReset().mockReturnValue('blob:vigie/checkpoint');
  revokeObjectURL.mockReset();
  // jsdom has neither object URLs nor downloads: record what would be saved.
  Object.assign(URL, { createObjectURL, revokeObjectURL });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clickedLinks.push(this);
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  setCsrfToken(null);
});

const blobText = (blob: Blob): Promise<string> =>
  new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

describe('CheckpointsCard', () => {
  it('lists the latest checkpoints, newest first, each downloadable again', async () => {
    renderWithAdmin(<CheckpointsCard />);

    const row = await screen.findByTestId('checkpoint-9000');
    expect(within(row).getByText("Jusqu'à l'entrée n° 9 000")).toBeTruthy();
    // The same signature seals the staff journal's head.
    expect(within(row).getByTestId('checkpoint-journal').textContent).toBe("journal du personnel jusqu'au n°\u00a0321");
    const query = new URL(String(fetchMock.mock.calls[0][0]), 'http://vigie.test').searchParams;
    expect(query.get('page')).toBe('1');
    expect(query.get('perPage')).toBe('1');

    fireEvent.click(
      within(row).getByRole('button', { name: /^Télécharger le point de contrôle n°\s9\s000$/ }),
    );

    expect(clickedLinks.map((link) => link.download)).toEqual(['vigie-checkpoint-9000-2026-10-01.json']);
    expect(JSON.parse(await blobText(createObjectURL.mock.calls[0][0]))).toEqual(older);
  });

  it('signs the head with the CSRF header, downloads the signed checkpoint as a JSON file and lists it', async () => {
    renderWithAdmin(<CheckpointsCard />);
    await screen.findByTestId('checkpoint-9000');

    fireEvent.click(screen.getByRole('button', { name: 'Signer un point de contrôle' }));

    expect(await screen.findByText(/Point de contrôle n°\s12\s345 signé et téléchargé/)).toBeTruthy();
    expect(await screen.findByTestId('checkpoint-12345')).toBeTruthy();
    await waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:vigie/checkpoint'));

    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(String(post?.[0])).toBe('/api/v1/audit/checkpoints');
    expect(new Headers(post?.[1]?.headers).get('X-CSRF-Token')).toBe('csrf-dpo');
    expect(clickedLinks).toHaveLength(1);
    const [link] = clickedLinks;
    expect(link.download).toBe('vigie-checkpoint-12345-2026-11-26.json');
    expect(link.href).toBe('blob:vigie/checkpoint');
    const blob = createObjectURL.mock.calls[0][0];
    expect(blob.type).toBe('application/json');
    // The file is exactly what the API signed: statement, algorithm, key and signature.
    expect(JSON.parse(await blobText(blob))).toEqual(signed);
  });

  it('explains why the file must be kept outside Vigie', async () => {
    renderWithAdmin(<CheckpointsCard />);

    expect(await screen.findByText(/Rangez le fichier hors de Vigie/)).toBeTruthy();
    await screen.findByTestId('checkpoint-9000');
  });

  it('downloads nothing when signing fails, and says why', async () => {
    fetchMock.mockImplementation(async (_input, init) =>
      init?.method === 'POST'
        ? jsonReply(403, { statusCode: 403, error: 'Forbidden', message: 'No', details: { code: 'role' } })
        : jsonReply(200, { data: [], total: 0 }),
    );
    renderWithAdmin(<CheckpointsCard />);
    expect(await screen.findByText("Aucun point de contrôle signé pour l'instant.")).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Signer un point de contrôle' }));

    expect(await screen.findByText('Vos rôles ne permettent pas cette action.')).toBeTruthy();
    await waitFor(() =>
      expect(
        (screen.getByRole('button', { name: 'Signer un point de contrôle' }) as HTMLButtonElement).disabled,
      ).toBe(false),
    );
    expect(createObjectURL).not.toHaveBeenCalled();
    expect(clickedLinks).toHaveLength(0);
  });

  it('says there is nothing to sign yet when the register is empty', async () => {
    fetchMock.mockImplementation(async (_input, init) =>
      init?.method === 'POST'
        ? jsonReply(409, {
            statusCode: 409,
            error: 'Conflict',
            message: 'The register has no entry to sign yet.',
            details: { code: 'register_empty' },
          })
        : jsonReply(200, { data: [], total: 0 }),
    );
    renderWithAdmin(<CheckpointsCard />);
    await screen.findByText("Aucun point de contrôle signé pour l'instant.");

    fireEvent.click(screen.getByRole('button', { name: 'Signer un point de contrôle' }));

    expect(await screen.findByText(/il n'y a rien à signer pour l'instant/)).toBeTruthy();
    await waitFor(() =>
      expect(
        (screen.getByRole('button', { name: 'Signer un point de contrôle' }) as HTMLButtonElement).disabled,
      ).toBe(false),
    );
    expect(clickedLinks).toHaveLength(0);
  });
});
