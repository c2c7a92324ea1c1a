import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { type FieldProblemCode, PASSWORD_MIN_LENGTH } from '@vigie/contracts';
import { COMMON_PASSWORDS } from './common-passwords';

// argon2id (the package's const enum Algorithm.Argon2id) with OWASP's recommended minimum cost.
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface PasswordProblem {
  code: FieldProblemCode;
  message: string;
}

@Injectable()
export class PasswordService {
  // Verified when the e-mail matches no account, so that the answer takes as long either way.
  private readonly decoy = hash('decoy password never used', ARGON2);

  hash(password: string): Promise<string> {
    return hash(password, ARGON2);
  }

  /** False as well for an account whose person has not set a password yet (null). */
  async verify(passwordHash: string | null | undefined, password: string): Promise<boolean> {
    const target = passwordHash ?? (await this.decoy);
    const ok = await verify(target, password).catch(() => false);
    return ok && typeof passwordHash === 'string';
  }

  /** What is wrong with a new password, with a code and words staff can act on; empty when it is acceptable. */
  problems(password: string, account: { email: string; name?: string }): PasswordProblem[] {
    const problems: PasswordProblem[] = [];
    if ([...password].length < PASSWORD_MIN_LENGTH) problems.push({ code: 'too_short', message: `must be at least ${PASSWORD_MIN_LENGTH} characters` });
    const lower = password.toLowerCase();
    if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password)) problems.push({ code: 'too_common', message: 'is too common' });
    const local = account.email.split('@')[0]?.toLowerCase() ?? '';
    if (local.length >= 4 && lower.includes(local)) problems.push({ code: 'contains_email', message: 'must not contain the e-mail address' });
    return problems;
  }
}
