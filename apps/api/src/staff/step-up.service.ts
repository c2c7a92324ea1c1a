import { Injectable } from '@nestjs/common';
import type { StepUpRequest, StepUpResponse } from '@vigie/contracts';
import { Clock } from '../common/clock';
import { DomainException } from '../common/domain.exception';
import { type ClientInfo, locked } from './auth.service';
import { LoginThrottleRepository } from './login-throttle.repository';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { StaffActivityRepository } from '../journal/staff-activity.repository';
import type { AuthenticatedStaff } from './staff.decorators';
import { StaffRepository } from './staff.repository';
import { TotpService } from './totp.service';

// A stolen session cookie must not become a way to guess the password or the code: failures
// lock the account's step-up, doubling like sign-in's, up to an hour.
const THRESHOLD = 5;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 3_600_000;

/**
 * Confirming who one is again before the gate: the password, or a TOTP code when the account
 * has MFA (never the password then — the second factor is the point). Each code works once,
 * whether spent at sign-in, enrolment or here.
 */
@Injectable()
export class StepUpService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly passwords: PasswordService,
    private readonly totp: TotpService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleRepository,
    private readonly activity: StaffActivityRepository,
    private readonly clock: Clock,
  ) {}

  async stepUp(me: AuthenticatedStaff, request: StepUpRequest, client: ClientInfo): Promise<StepUpResponse> {
    const key = `step-up:${me.id}`;
    const now = this.clock.now();
    const lockedUntil = await this.throttle.lockedUntil([key], now);
    if (lockedUntil) throw locked(lockedUntil, now);

    const account = await this.staff.findCredentials({ id: me.id });
    if (!account) throw new DomainException('not_signed_in');
    const method = account.totpEnabledAt ? 'totp' : 'password';
    if (request[method] === undefined) {
      throw new DomainException('step_up_method', { details: { method } });
    }
    const ok =
      method === 'password'
        ? await this.passwords.verify(account.passwordHash, request.password ?? '')
        : await this.codeOk(account.id, account.totpSecret, request.totp ?? '');
    const context = { actorId: me.id, subjectId: me.id, ...client };
    if (!ok) {
      const failures = await this.throttle.recordFailure(key, now);
      if (failures >= THRESHOLD) {
        await this.throttle.lock(key, new Date(now.getTime() + Math.min(FIRST_LOCK_MS * 2 ** (failures - THRESHOLD), LONGEST_LOCK_MS)));
      }
      await this.activity.record('step_up.failed', { ...context, details: { method } });
      throw new DomainException('step_up_failed', { details: { method } });
    }

    await this.throttle.clear(key);
    const until = await this.sessions.stepUp(me.sessionId);
    await this.activity.record('step_up', { ...context, details: { method } });
    return { stepUpUntil: until.toISOString() };
  }

  private async codeOk(staffId: string, secret: string | null, code: string): Promise<boolean> {
    const step = secret === null ? undefined : this.totp.verify(secret, code);
    // A code works once: replaying it within its window is a wrong code.
    return step !== undefined && (await this.staff.spendTotpStep(staffId, step));
  }
}
