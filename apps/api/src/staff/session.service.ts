import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { type SessionWithStaff, SessionRepository } from './session.repository';
import type { SessionEnd } from './staff-session.entity';

export const SESSION_COOKIE = 'vigie_session';
// last_seen_at is written at most this often: one write per request would double the load.
const TOUCH_EVERY_MS = 60_000;

export type SessionCheck =
  | { ok: true; session: SessionWithStaff }
  | { ok: false; reason: 'not_signed_in' | 'session_expired' };

/** Server-side sessions: the cookie holds a random token, the database its SHA-256. */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get cookieName(): string {
    // The __Host- prefix pins the cookie to this origin, over HTTPS only.
    return this.config.COOKIE_SECURE ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
  }

  private get absoluteTimeoutMs(): number {
    return this.config.SESSION_ABSOLUTE_TIMEOUT_HOURS * 3_600_000;
  }

  /** How the cookie is set: script-proof, same-site only, over HTTPS when configured. */
  get cookieOptions() {
    return {
      httpOnly: true,
      sameSite: 'strict' as const,
      secure: this.config.COOKIE_SECURE,
      path: '/',
      maxAge: Math.floor(this.absoluteTimeoutMs / 1000),
    };
  }

  async open(staffId: string, client: { ip?: string; userAgent?: string }): Promise<{ token: string; csrfToken: string }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.sessions.insert({
      id: digest(token),
      staffId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.absoluteTimeoutMs),
      // Typing the password (and code) to sign in is a step-up: no second one right after.
      steppedUpAt: now,
      ip: client.ip ?? null,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
    });
    return { token, csrfToken };
  }

  async check(token: string | undefined): Promise<SessionCheck> {
    if (!token) return { ok: false, reason: 'not_signed_in' };
    const session = await this.sessions.findLive(digest(token));
    if (!session || session.disabledAt) return { ok: false, reason: 'not_signed_in' };
    const now = this.clock.now();
    const idleLimit = session.lastSeenAt.getTime() + this.config.SESSION_IDLE_TIMEOUT_MINUTES * 60_000;
    if (now >= session.expiresAt || now.getTime() >= idleLimit) {
      await this.sessions.revoke(session.id, now, 'expired');
      return { ok: false, reason: 'session_expired' };
    }
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await this.sessions.touch(session.id, now);
    return { ok: true, session };
  }

  close(sessionId: string): Promise<void> {
    return this.sessions.revoke(sessionId, this.clock.now(), 'signed_out');
  }

  closeAllOf(staffId: string, exceptSessionId?: string, endedBy: SessionEnd = 'credentials_changed'): Promise<void> {
    return this.sessions.revokeAllOf(staffId, this.clock.now(), endedBy, exceptSessionId);
  }

  /** Records a step-up on the session; returns until when it lets the session through the gate. */
  async stepUp(sessionId: string): Promise<Date> {
    const now = this.clock.now();
    await this.sessions.stepUp(sessionId, now);
    return this.stepUpUntil(now);
  }

  stepUpUntil(steppedUpAt: Date): Date {
    return new Date(steppedUpAt.getTime() + this.config.STEP_UP_MINUTES * 60_000);
  }

  /**
   * How a session ended, or undefined while it lives. A session nobody used since it timed out
   * was never revoked: its times say it expired.
   */
  async endOf(sessionId: string): Promise<SessionEnd | undefined> {
    const state = await this.sessions.state(sessionId);
    if (!state) return 'signed_out';
    if (state.revokedAt) return state.endedBy ?? 'signed_out';
    const now = this.clock.now();
    const idleLimit = state.lastSeenAt.getTime() + this.config.SESSION_IDLE_TIMEOUT_MINUTES * 60_000;
    return now >= state.expiresAt || now.getTime() >= idleLimit ? 'expired' : undefined;
  }
}

export function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameToken(a: string | undefined, b: string): boolean {
  if (typeof a !== 'string') return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
