import { Injectable } from '@nestjs/common';
import type { LiaOverview, LiaVersion, PublishLiaRequest } from '@vigie/contracts';
import { Clock } from '../common/clock';
import { DomainException } from '../common/domain.exception';
import type { RequestClient } from '../common/request-client.decorator';
import { StaffActivityRepository } from '../journal/staff-activity.repository';
import { LiaRepository } from './lia.repository';

/** The legitimate-interest assessment: the DPO publishes versions, every access records the one in force. */
@Injectable()
export class LiaService {
  constructor(
    private readonly lia: LiaRepository,
    private readonly journal: StaffActivityRepository,
    private readonly clock: Clock,
  ) {}

  async overview(): Promise<LiaOverview> {
    const [current, history] = await Promise.all([this.lia.inForce(), this.lia.history()]);
    return { current: current ?? null, history };
  }

  async current(): Promise<LiaVersion> {
    const current = await this.lia.inForce();
    if (!current) throw new DomainException('lia_not_found');
    return current;
  }

  async get(version: number): Promise<LiaVersion> {
    const found = await this.lia.get(version);
    if (!found) throw new DomainException('lia_not_found');
    return found;
  }

  /**
   * Publishes the next version. A date in the past is refused here (400) and by the database,
   * whose clock decides; the journal records the version and its date, never the text.
   */
  async publish(request: PublishLiaRequest, by: string, client: RequestClient): Promise<LiaVersion> {
    const effectiveFrom = request.effectiveFrom ? new Date(request.effectiveFrom) : null;
    if (effectiveFrom && effectiveFrom.getTime() < this.clock.now().getTime()) throw new DomainException('lia_backdated');
    let published: LiaVersion;
    try {
      published = await this.lia.publish(request.text, effectiveFrom, by);
    } catch (error) {
      if (error instanceof Error && /lia refused: lia_backdated/.test(error.message)) throw new DomainException('lia_backdated');
      throw error;
    }
    await this.journal.record('lia.published', {
      actorId: by,
      ip: client.ip,
      userAgent: client.userAgent,
      details: { version: published.version, effectiveFrom: published.effectiveFrom, digest: published.digest },
    });
    return published;
  }
}
