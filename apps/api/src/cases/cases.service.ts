import { Injectable } from '@nestjs/common';
import type { CaseDetail, CaseListQuery, CaseListResponse, CaseMetadata } from '@vigie/contracts';
import { Clock } from '../common/clock';
import { DomainException, fieldProblems } from '../common/domain.exception';
import type { RequestClient } from '../common/request-client.decorator';
import { StaffActivityRepository } from '../journal/staff-activity.repository';
import { caseMetadataOf } from './case-metadata';
import { type CaseViewer, caseSeenBy } from './case-visibility';
import { CaseRecordRepository } from './case-record.repository';
import { CasesRepository } from './cases.repository';

/** The queue moderators work from, and taking cases off it. */
@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly records: CaseRecordRepository,
    private readonly activity: StaffActivityRepository,
    private readonly clock: Clock,
  ) {}

  list(query: CaseListQuery, staffId: string): Promise<CaseListResponse> {
    return this.cases.list(query, staffId);
  }

  /** The case as `viewer` may see it (notes, hold reasons): every answer that carries a case. */
  async view(id: string, viewer: CaseViewer): Promise<CaseDetail> {
    return caseSeenBy(await this.get(id), viewer);
  }

  /** The DPO's view: metadata only, and the look is written to the staff journal. */
  async metadata(id: string, viewer: CaseViewer, client: RequestClient): Promise<CaseMetadata> {
    const metadata = caseMetadataOf(await this.get(id));
    await this.activity.record('case.metadata_viewed', { actorId: viewer.id, ip: client.ip, userAgent: client.userAgent, details: { caseId: id } });
    return metadata;
  }

  /** Two moderators claiming at once: the row update decides, one wins, the other gets a 409. */
  claim(id: string, worker: CaseViewer, version?: number): Promise<CaseDetail> {
    return this.cases.transaction(async (m) => {
      const at = this.clock.now();
      await this.records.claim(m, id, worker, version, at);
      await this.cases.addEvent(m, id, 'claimed', worker.id, at);
      return caseSeenBy((await this.cases.findDetail(id, m)) as CaseDetail, worker);
    });
  }

  assign(id: string, assigneeId: string | null, lead: CaseViewer, version?: number): Promise<CaseDetail> {
    const leadId = lead.id;
    return this.cases.transaction(async (m) => {
      const assignee = assigneeId ? (await this.cases.assignees()).find((s) => s.id === assigneeId) : undefined;
      if (assigneeId && !assignee) {
        throw new DomainException('invalid_assignee', {
          message: 'Invalid body: assigneeId (is not an active moderator or lead)',
          details: fieldProblems({ field: 'assigneeId', code: 'not_assignable', message: 'is not an active moderator or lead' }),
        });
      }
      const at = this.clock.now();
      await this.records.assign(m, id, assigneeId, version, at, lead);
      // The name as it was then: the timeline stays readable after the account is renamed or disabled.
      const data = assignee ? { assigneeId: assignee.id, assigneeName: assignee.name } : {};
      await this.cases.addEvent(m, id, assignee ? 'assigned' : 'unassigned', leadId, at, data);
      return caseSeenBy((await this.cases.findDetail(id, m)) as CaseDetail, lead);
    });
  }

  private async get(id: string): Promise<CaseDetail> {
    const found = await this.cases.findDetail(id);
    if (!found) throw notFound();
    return found;
  }

  assignees() {
    return this.cases.assignees().then((data) => ({ data }));
  }
}

function notFound(): DomainException {
  return new DomainException('case_not_found');
}
