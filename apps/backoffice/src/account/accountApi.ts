import { apiPost as post, isRecord } from '../providers/api';

/** What `POST /auth/mfa/enrolment` hands out: the secret, and the same as a QR code (PNG data URL). */
export interface MfaEnrolment {
  secret: string;
  otpauthUrl: string;
  qrCodeDataUrl: string;
}

/** The signed-in staff member's own account: password and second factor. */
export const accountApi = {
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await post('/auth/password', { currentPassword, newPassword });
  },

  /** Starts (or restarts) enrolment: every call makes a new secret, so call it once per attempt. */
  async startMfaEnrolment(): Promise<MfaEnrolment> {
    const body = await post('/auth/mfa/enrolment');
    if (
      isRecord(body) &&
      typeof body.secret === 'string' &&
      typeof body.otpauthUrl === 'string' &&
      typeof body.qrCodeDataUrl === 'string' &&
      body.qrCodeDataUrl.startsWith('data:image/')
    ) {
      return { secret: body.secret, otpauthUrl: body.otpauthUrl, qrCodeDataUrl: body.qrCodeDataUrl };
    }
    throw new Error('Unexpected MFA enrolment from the API');
  },

  /** Confirms enrolment with a code from the app; answers the single-use recovery codes, shown once. */
  async activateMfa(code: string): Promise<string[]> {
    const body = await post('/auth/mfa/activate', { code });
    const answered: unknown[] = isRecord(body) && Array.isArray(body.recoveryCodes) ? body.recoveryCodes : [];
    const codes = answered.filter((code): code is string => typeof code === 'string');
    if (codes.length > 0 && codes.length === answered.length) return codes;
    throw new Error('Unexpected MFA activation from the API');
  },
};

export type AccountApi = typeof accountApi;
