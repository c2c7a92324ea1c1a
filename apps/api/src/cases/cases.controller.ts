import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { assignCaseSchema, caseListQuerySchema, claimCaseSchema, type CaseDetail, type CaseListResponse, type CaseMetadata } from '@vigie/contracts';
import { Client, type RequestClient } from '../common/request-client.decorator';
import { createZodDto } from '../common/zod-validation.pipe';
import { JournaledByService } from '../journal/journal.decorators';
import { type AuthenticatedStaff, CurrentStaff, Requires } from '../staff/staff.decorators';
import { CasesService } from './cases.service';
import { CaseIdDto } from '../common/request-params.dto';

class CaseListQueryDto extends createZodDto(caseListQuerySchema) {}
class ClaimCaseDto extends createZodDto(claimCaseSchema) {}
class AssignCaseDto extends createZodDto(assignCaseSchema) {}

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @Requires('queue.view')
  @ApiOperation({ summary: 'The queue: open and in-review cases by default, most urgent first; counted up to 10 000 (`totalCapped`).' })
  list(@Query() query: CaseListQueryDto, @CurrentStaff() me: AuthenticatedStaff): Promise<CaseListResponse> {
    return this.cases.list(query, me.id);
  }

  @Get('assignees')
  @Requires('case.view')
  @ApiOperation({ summary: 'Active moderators and leads, for assigning cases.' })
  assignees() {
    return this.cases.assignees();
  }

  @Get(':id')
  @Requires('case.view')
  @ApiOperation({ summary: 'A case with its reports, participants and timeline — never message bodies; notes for its assignee and leads only.' })
  get(@Param() params: CaseIdDto, @CurrentStaff() me: AuthenticatedStaff): Promise<CaseDetail> {
    return this.cases.view(params.id, me);
  }

  @Get(':id/metadata')
  @Requires('case.metadata')
  // The service records `case.metadata_viewed` with the case it was.
  @JournaledByService()
  @ApiOperation({ summary: 'The DPO’s view of a case: categories, dates, statuses, event types, decisions’ actions and clauses — no comments, notes or statements. Recorded in the staff journal.' })
  metadata(@Param() params: CaseIdDto, @CurrentStaff() me: AuthenticatedStaff, @Client() client: RequestClient): Promise<CaseMetadata> {
    return this.cases.metadata(params.id, me, client);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Requires('case.claim')
  @ApiOperation({ summary: 'Take an unassigned case; 409 when someone else took it first.' })
  claim(@Param() params: CaseIdDto, @Body() body: ClaimCaseDto, @CurrentStaff() me: AuthenticatedStaff): Promise<CaseDetail> {
    return this.cases.claim(params.id, me, body.version);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Requires('case.assign')
  @ApiOperation({ summary: 'Assign a case to a moderator or lead, or unassign it (assigneeId: null). Leads only.' })
  assign(@Param() params: CaseIdDto, @Body() body: AssignCaseDto, @CurrentStaff() me: AuthenticatedStaff): Promise<CaseDetail> {
    return this.cases.assign(params.id, body.assigneeId, me, body.version);
  }
}
