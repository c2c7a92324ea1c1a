import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { AdminContext, memoryStore } from 'react-admin';
import { createI18nProvider } from '../i18n/i18nProvider';
import { setCsrfToken } from '../providers/httpClient';
import { theme } from '../theme';
import { MfaEnrolment } from './MfaEnrolment';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';


const fetchMock = createFetchMock();
const callsTo = (path: string) => fetchMock.mock.calls.filter(([url]) => String(url) === `/api/v1${path}`);

const enrolment = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  otpauthUrl: 'otpauth://totp/Vigie:admin%40vigie.test?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Vigie',
  qrCodeDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
};
const recoveryCodes = Array.from({ length: 10 }, (_, i) => `c0d${i}-x${i}y${i}`);

const mfaInvalid = {
  statusCode: 400,
  error: 'Bad Request',
  message: 'That code is not valid.',
  details: { code: 'mfa_code_wrong', fields: [{ field: 'code', code: 'incorrect', message: 'is not valid' }] },
};

const renderEnrolment = (onDone = jest.fn(), onCancel?: () => void) =>
  render(
    <StrictMode>
      <AdminContext i18nProvider={createI18nProvider('fr')} store={memoryStore()} theme={theme}>
        <MfaEnrolment onDone={onDone} onCancel={onCancel} />
      </AdminContext>
    </StrictMode>,
  );

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  setCsrfToken('csrf-1');
});

describe('MfaEnrolment', () => {
  it('starts one enrolment only, even under StrictMode, and shows the QR code and the secret', async () => {
    fetchMock.mockResolvedValue(jsonReply(201, enrolment));
    renderEnrolment();

    const secret = await screen.findByTestId('mfa-secret');

    // A second start would make a new secret and void the QR code on screen.
    expect(callsTo('/auth/mfa/enrolment')).toHaveLength(1);
    expect(secret.textContent).toBe(enrolment.secret);
    expect(screen.getByTestId('mfa-qr').getAttribute('src')).toBe(enrolment.qrCodeDataUrl);
    expect(screen.getByRole('img', { name: /QR code/ })).toBeTruthy();
  });

  it('says a wrong code, then shows the ten recovery codes once the right one is confirmed', async () => {
    const onDone = jest.fn();
    fetchMock
      .mockResolvedValueOnce(jsonReply(201, enrolment))
      .mockResolvedValueOnce(jsonReply(400, mfaInvalid))
      .mockResolvedValueOnce(jsonReply(201, { recoveryCodes }));
    renderEnrolment(onDone);
    await screen.findByTestId('mfa-secret');
    const code = () => document.querySelector<HTMLInputElement>('input[name="code"]');

    fireEvent.change(code() as HTMLInputElement, { target: { value: '12 34 56' } });
    expect(code()?.value).toBe('123456');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Activer' })));

    expect((await screen.findByRole('alert')).textContent).toMatch(/Code incorrect ou expiré/);
    expect(code()?.value).toBe('');

    fireEvent.change(code() as HTMLInputElement, { target: { value: '654321' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Activer' })));

    const codes = await screen.findByTestId('recovery-codes');
    expect(within(codes).getAllByRole('listitem')).toHaveLength(10);
    expect(codes.textContent).toContain('c0d9-x9y9');
    const activations = callsTo('/auth/mfa/activate');
    expect(activations.map(([, init]) => JSON.parse(String(init?.body)))).toEqual([
      { code: '123456' },
      { code: '654321' },
    ]);
    expect(new Headers(activations[1][1]?.headers).get('X-CSRF-Token')).toBe('csrf-1');
    expect(onDone).not.toHaveBeenCalled();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: "J'ai enregistré mes codes" })));
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('does not send a code that is not 6 digits', async () => {
    fetchMock.mockResolvedValue(jsonReply(201, enrolment));
    renderEnrolment();
    await screen.findByTestId('mfa-secret');

    fireEvent.change(document.querySelector('input[name="code"]') as HTMLInputElement, {
      target: { value: '123' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Activer' })));

    expect((await screen.findByRole('alert')).textContent).toBe('Le code comporte 6 chiffres.');
    expect(callsTo('/auth/mfa/activate')).toHaveLength(0);
  });

  it('offers to cancel only where enrolment may be put off', async () => {
    fetchMock.mockResolvedValue(jsonReply(201, enrolment));
    const onCancel = jest.fn();
    const { unmount } = renderEnrolment(jest.fn(), onCancel);
    await screen.findByTestId('mfa-secret');

    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(onCancel).toHaveBeenCalled();
    unmount();

    renderEnrolment();
    await screen.findByTestId('mfa-secret');
    expect(screen.queryByRole('button', { name: 'Annuler' })).toBeNull();
  });

  it('explains a refused start, and can try again', async () => {
    fetchMock
      .mockResolvedValueOnce(
        jsonReply(409, {
          statusCode: 409,
          error: 'Conflict',
          message: 'Two-factor authentication is already on.',
          details: { code: 'mfa_already_enabled' },
        }),
      )
      .mockResolvedValueOnce(jsonReply(201, enrolment));
    renderEnrolment();

    expect((await screen.findByRole('alert')).textContent).toMatch(/déjà active sur votre compte/);
    fireEvent.click(screen.getByRole('button', { name: 'Actualiser' }));

    expect(await screen.findByTestId('mfa-secret')).toBeTruthy();
  });
});
