import { Inject, Injectable } from '@nestjs/common';
import type { LoginRequest, SessionResponse, StaffIdentity } from '@vigie/contracts';
import { Clock } from '../common/clock';
import { DomainException } from '../common/domain.exception';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { LoginThrottleRepository } from './login-throttle.repository';
import { requiresMfa } from './mfa-policy';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { StaffActivityRepository } from '../journal/staff-activity.repository';
import type { AuthenticatedStaff } from './staff.decorators';
import { type StaffCredentials, StaffRepository } from './staff.repository';
import { hashRecoveryCode, TotpService } from './totp.service';

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

// Failures before a lock, per e-mail address and per client address; each failure past the
// threshold doubles the lock, up to an hour.
const EMAIL_THRESHOLD = 5;
const IP_THRESHOLD = 20;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 3_600_000;


@Injectable()
export class AuthService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly passwords: PasswordService,
    private readonly totp: TotpService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleRepository,
    private readonly activity: StaffActivityRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks the credentials and opens a session; every outcome is recorded in the staff-activity log. */
  async login(request: LoginRequest, client: ClientInfo): Promise<{ token: string; body: SessionResponse }> {
    const keys = { email: `email:${request.email}`, ip: `ip:${client.ip ?? 'unknown'}` };
    const now = this.clock.now();
    const lockedUntil = await this.throttle.lockedUntil([keys.email, keys.ip], now);
    if (lockedUntil) throw locked(lockedUntil, now);

    const account = await this.staff.findCredentials({ email: request.email });
    const passwordOk = await this.passwords.verify(account?.passwordHash, request.password);
    if (!account || !passwordOk || account.disabledAt) {
      await this.fail(keys, client, account, account?.disabledAt ? 'disabled' : 'password');
      throw new DomainException('invalid_credentials');
    }

    if (account.totpEnabledAt) {
      if (!request.totp) {
        throw new DomainException('mfa_required');
      }
      if (!(await this.secondFactorOk(account, request.totp, client))) {
        await this.fail(keys, client, account, 'totp');
        throw new DomainException('mfa_invalid');
      }
    }

    await this.throttle.clear(keys.email);
    const { token, csrfToken } = await this.sessions.open(account.id, client);
    await this.staff.update(account.id, { lastLoginAt: now, updatedAt: now });
    await this.activity.record('login.succeeded', { actorId: account.id, subjectId: account.id, ...client });
    const mfaEnabled = account.totpEnabledAt !== null;
    // The session as the guard will see it: it knows the roles waiting for approval.
    const session = await this.sessions.check(token);
    const pendingRoles = session.ok ? session.session.pendingRoles : [];
    return {
      token,
      body: {
        user: identity(account),
        pendingRoles,
        csrfToken,
        mfaEnabled,
        mfaEnrolmentRequired: !mfaEnabled && requiresMfa([...account.roles, ...pendingRoles], this.config),
      },
    };
  }

  async logout(staff: AuthenticatedStaff, client: ClientInfo): Promise<void> {
    await this.sessions.close(staff.sessionId);
    await this.activity.record('logout', { actorId: staff.id, subjectId: staff.id, ...client });
  }

  me(staff: AuthenticatedStaff): SessionResponse {
    return {
      user: identity(staff),
      pendingRoles: staff.pendingRoles,
      csrfToken: staff.csrfToken,
      mfaEnabled: staff.mfaEnabled,
      mfaEnrolmentRequired: staff.mfaEnrolmentRequired,
    };
  }

  private async secondFactorOk(account: StaffCredentials, code: string, client: ClientInfo): Promise<boolean> {
    if (/^\d{6}$/.test(code)) {
      const step = account.totpSecret === null ? undefined : this.totp.verify(account.totpSecret, code);
      // A code works once: replaying it within its window is a wrong code.
      return step !== undefined && (await this.staff.spendTotpStep(account.id, step));
    }
    const spent = await this.staff.consumeRecoveryCode(account.id, hashRecoveryCode(code));
    if (spent) await this.activity.record('mfa.recovery_code_used', { actorId: account.id, subjectId: account.id, ...client });
    return spent;
  }

  private async fail(
    keys: { email: string; ip: string },
    client: ClientInfo,
    account: StaffCredentials | null,
    cause: 'password' | 'disabled' | 'totp',
  ): Promise<void> {
    const now = this.clock.now();
    const [emailFailures, ipFailures] = await Promise.all([
      this.throttle.recordFailure(keys.email, now),
      this.throttle.recordFailure(keys.ip, now),
    ]);
    // Only the account's id is kept: an unknown address typed by mistake is not stored.
    await this.activity.record('login.failed', { subjectId: account?.id ?? null, ...client, details: { cause: account ? cause : 'unknown_account' } });
    for (const [key, failures, threshold] of [
      [keys.email, emailFailures, EMAIL_THRESHOLD],
      [keys.ip, ipFailures, IP_THRESHOLD],
    ] as const) {
      if (failures < threshold) continue;
      const lockMs = Math.min(FIRST_LOCK_MS * 2 ** (failures - threshold), LONGEST_LOCK_MS);
      await this.throttle.lock(key, new Date(now.getTime() + lockMs));
      await this.activity.record('login.locked', {
        subjectId: key === keys.email ? (account?.id ?? null) : null,
        ...client,
        details: { scope: key === keys.email ? 'email' : 'ip', failures, lockSeconds: lockMs / 1000 },
      });
    }
  }
}

export function identity(staff: Pick<StaffCredentials, 'email' | 'name' | 'roles'> & { id: string }): StaffIdentity {
  return { id: staff.id, email: staff.email, name: staff.name, roles: staff.roles };
}

export function locked(until: Date, now: Date): DomainException {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new DomainException('locked', {
    message: `Too many failed sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
    details: { retryAfterSeconds: seconds },
  });
}
