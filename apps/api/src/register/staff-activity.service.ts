import { Injectable } from '@nestjs/common';
import type { ListResponse, StaffActivityEntry, StaffActivityQuery } from '@vigie/contracts';
import { StaffActivityRepository } from '../journal/staff-activity.repository';

/** The staff journal as the DPO reads it; the route's guard (`journal.view`) decided who may. */
@Injectable()
export class StaffActivityService {
  constructor(private readonly journal: StaffActivityRepository) {}

  list(query: StaffActivityQuery): Promise<ListResponse<StaffActivityEntry>> {
    return this.journal.list(query);
  }
}
