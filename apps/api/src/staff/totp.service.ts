import { Injectable } from '@nestjs/common';
import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';
import { toDataURL } from 'qrcode';
import { Clock } from '../common/clock';

const ISSUER = 'Vigie';
const RECOVERY_CODES = 10;
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

  /** Accepts the current code and its neighbours (±30 s), for phones whose clocks drift. */
  verify(secret: string, code: string): boolean {
    try {
      return verifySync({ secret, token: code, epoch: Math.floor(this.clock.now().getTime() / 1000), epochTolerance: 30 }).valid;
    } catch {
      return false;
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
