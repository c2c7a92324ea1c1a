import { Injectable } from '@nestjs/common';
import { PASSWORD_LINK_HOURS, type PasswordLink, type PasswordLinkInfo } from '@vigie/contracts';
import { randomBytes } from 'node:crypto';
import { Clock } from '../common/clock';
import { DomainException } from '../common/domain.exception';
import { assertAcceptable } from './account.service';
import type { ClientInfo } from './auth.service';
import { PasswordService } from './password.service';
import { type PasswordLinkRow, PasswordLinkRepository } from './password-link.repository';
import { digest, SessionService } from './session.service';
import { StaffActivityRepository } from '../journal/staff-activity.repository';

/**
 * Admins never choose a staff member's password: they hand over a one-time link (24 h) with which
 * the person sets it. Only the SHA-256 of the token is stored; the link is shown once.
 */
@Injectable()
export class PasswordLinkService {
  constructor(
    private readonly links: PasswordLinkRepository,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly activity: StaffActivityRepository,
    private readonly clock: Clock,
  ) {}

  async issue(staffId: string, issuer: ClientInfo & { id: string }): Promise<PasswordLink> {
    const token = randomBytes(32).toString('base64url');
    const at = this.clock.now();
    const expiresAt = new Date(at.getTime() + PASSWORD_LINK_HOURS * 3_600_000);
    await this.links.insert({ staffId, tokenHash: digest(token), issuedBy: issuer.id, at, expiresAt });
    await this.activity.record('password.link_issued', {
      actorId: issuer.id,
      subjectId: staffId,
      ip: issuer.ip,
      userAgent: issuer.userAgent,
      details: { expiresAt: expiresAt.toISOString() },
    });
    return { url: `/#/set-password?token=${token}`, expiresAt: expiresAt.toISOString() };
  }

  /** Whose link this is, so that the person recognises it before choosing a password. */
  async inspect(token: string): Promise<PasswordLinkInfo> {
    const link = usable(await this.links.findByTokenHash(digest(token)), this.clock.now());
    return { email: link.email, name: link.name, expiresAt: link.expiresAt.toISOString() };
  }

  /** Sets the password once; the account's sessions close, and the person signs in anew. */
  async setPassword(token: string, password: string, client: ClientInfo): Promise<void> {
    const hash = digest(token);
    const preview = usable(await this.links.findByTokenHash(hash), this.clock.now());
    assertAcceptable(await this.passwords.problems(password, preview), 'password');
    const passwordHash = await this.passwords.hash(password);
    const staffId = await this.links.transaction(async (m) => {
      // Checked again under a lock: two submissions of one link set one password.
      const at = this.clock.now();
      const link = usable(await this.links.findByTokenHash(hash, m, true), at);
      await this.links.markUsed(m, link.id, at);
      await this.links.setPasswordHash(m, link.staffId, passwordHash, at);
      return link.staffId;
    });
    await this.sessions.closeAllOf(staffId);
    await this.activity.record('password.link_used', { actorId: staffId, subjectId: staffId, ...client });
  }
}

function usable(link: PasswordLinkRow | undefined, now: Date): PasswordLinkRow {
  if (!link) throw new DomainException('link_not_found');
  if (link.usedAt) throw new DomainException('link_used');
  if (now.getTime() >= link.expiresAt.getTime()) throw new DomainException('link_expired');
  return link;
}
