import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainException, fieldProblems } from '../common/domain.exception';
import type { ClientInfo } from './auth.service';
import { type PasswordProblem, PasswordService } from './password.service';
import { SessionService } from './session.service';
import { StaffActivityRepository } from '../journal/staff-activity.repository';
import type { AuthenticatedStaff } from './staff.decorators';
import { StaffRepository } from './staff.repository';
import { TotpService } from './totp.service';

export interface MfaEnrolment {
  secret: string;
  otpauthUrl: string;
  qrCodeDataUrl: string;
}

/** What staff members do to their own account: change their password, enrol in MFA. */
@Injectable()
export class AccountService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly passwords: PasswordService,
    private readonly totp: TotpService,
    private readonly sessions: SessionService,
    private readonly activity: StaffActivityRepository,
    private readonly clock: Clock,
  ) {}

  async changePassword(me: AuthenticatedStaff, current: string, next: string, client: ClientInfo): Promise<void> {
    const account = await this.staff.findCredentials({ id: me.id });
    if (!account || !(await this.passwords.verify(account.passwordHash, current))) {
      throw new DomainException('current_password_wrong', {
        details: fieldProblems({ field: 'currentPassword', code: 'incorrect', message: 'is not right' }),
      });
    }
    assertAcceptable(await this.passwords.problems(next, account), 'newPassword');
    const now = this.clock.now();
    await this.staff.update(me.id, { passwordHash: await this.passwords.hash(next), updatedAt: now });
    // Other sessions may have been opened by whoever knew the old password.
    await this.sessions.closeAllOf(me.id, me.sessionId);
    await this.activity.record('password.changed', { actorId: me.id, subjectId: me.id, ...client });
  }

  /** Starts (or restarts) enrolment: a new secret, active only once a code from it is confirmed. */
  async startMfaEnrolment(me: AuthenticatedStaff): Promise<MfaEnrolment> {
    if (me.mfaEnabled) throw new DomainException('mfa_already_enabled');
    const secret = this.totp.newSecret();
    await this.staff.update(me.id, { totpSecret: secret, updatedAt: this.clock.now() });
    return { secret, ...(await this.totp.enrolment(secret, me.email)) };
  }

  async activateMfa(me: AuthenticatedStaff, code: string, client: ClientInfo): Promise<{ recoveryCodes: string[] }> {
    if (me.mfaEnabled) throw new DomainException('mfa_already_enabled');
    const account = await this.staff.findCredentials({ id: me.id });
    if (!account?.totpSecret) throw new DomainException('mfa_not_started');
    const step = this.totp.verify(account.totpSecret, code);
    if (step === undefined || !(await this.staff.spendTotpStep(me.id, step))) {
      throw new DomainException('mfa_code_wrong', {
        details: fieldProblems({ field: 'code', code: 'incorrect', message: 'is not valid' }),
      });
    }
    const { codes, hashes } = this.totp.newRecoveryCodes();
    const now = this.clock.now();
    await this.staff.update(me.id, { totpEnabledAt: now, recoveryCodeHashes: hashes, updatedAt: now });
    await this.activity.record('mfa.enrolled', { actorId: me.id, subjectId: me.id, ...client });
    return { recoveryCodes: codes };
  }
}

export function assertAcceptable(problems: PasswordProblem[], field: string): void {
  if (problems.length === 0) return;
  throw new DomainException('weak_password', {
    message: `The password ${problems.map((p) => p.message).join(' and ')}.`,
    details: fieldProblems(...problems.map((p) => ({ field, ...p }))),
  });
}
