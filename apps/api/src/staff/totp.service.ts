import { Injectable } from '@nestjs/common';
import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';
import { toDataURL } from 'qrcode';
import { Clock } from '../common/clock';

const ISSUER = 'Vigie';
const RECOVERY_CODES = 10;
const PERIOD_SECONDS = 30;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i

/** TOTP (RFC 6238, 6 digits, 30 s) for staff sign-in, and single-use recovery codes. */
@Injectable()
export class TotpService {
  constructor(private readonly clock: Clock) {}

  newSecret(): string {
    return generateSecret();
  }

  async enrolment(secret: string, email: string): Promise<{ otpauthUrl: string; qrCodeDataUrl: string }> {
    const otpauthUrl = generateURI({ issuer: ISSUER, label: email, secret });
    return { otpauthUrl, qrCodeDataUrl: await toDataURL(otpauthUrl, { margin: 1, width: 240 }) };
  }

  /**
   * The time step (30 s) a code belongs to, or undefined when it is not valid now. Accepts the
   * current code and its neighbours (±30 s), for phones whose clocks drift. A step is good once:
   * the caller spends it with `StaffRepository.spendTotpStep`.
   */
  verify(secret: string, code: string): number | undefined {
    try {
      const now = Math.floor(this.clock.now().getTime() / 1000);
      const result = verifySync({ secret, token: code, epoch: now, epochTolerance: 30 });
      // `delta`: how many steps from now's the code matched (a drifting phone's clock).
      return result.valid ? Math.floor(now / PERIOD_SECONDS) + result.delta : undefined;
    } catch {
      return undefined;
    }
  }

  newRecoveryCodes(): { codes: string[]; hashes: string[] } {
    const codes = Array.from({ length: RECOVERY_CODES }, () => {
      const chars = Array.from({ length: 8 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
      return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
    });
    return { codes, hashes: codes.map(hashRecoveryCode) };
  }
}

/** Recovery codes carry 40 random bits: a plain SHA-256 is enough to keep them unusable if read. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.trim().toLowerCase()).digest('hex');
}
