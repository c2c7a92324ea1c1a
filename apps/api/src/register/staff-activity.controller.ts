import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ListResponse, type StaffActivityEntry, staffActivityQuerySchema } from '@vigie/contracts';
import { createZodDto } from '../common/zod-validation.pipe';
import { Journal } from '../journal/journal.decorators';
import { StaffActivityService } from './staff-activity.service';
import { Requires } from '../staff/staff.decorators';

class StaffActivityQueryDto extends createZodDto(staffActivityQuerySchema) {}

/** The staff journal, for the DPO: who signed in, who changed which account, what the DPO and admins did. */
@ApiTags('audit')
@Controller('audit')
export class StaffActivityController {
  constructor(private readonly journal: StaffActivityService) {}

  @Get('staff-activity')
  @Requires('journal.view')
  // Reading the journal is itself journaled: the DPO is watched too.
  @Journal('journal.viewed')
  @ApiOperation({ summary: 'The staff journal, newest first; filters: staff member (actor or subject), action, period.' })
  list(@Query() query: StaffActivityQueryDto): Promise<ListResponse<StaffActivityEntry>> {
    return this.journal.list(query);
  }
}
