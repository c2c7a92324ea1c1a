import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { appealOutcomeSchema, type CaseDetail } from '@vigie/contracts';
import { createZodDto } from '../common/zod-validation.pipe';
import { type AuthenticatedStaff, CurrentStaff, Requires } from '../staff/staff.decorators';
import { AppealsService } from './appeals.service';
import { CaseIdDto } from '../common/request-params.dto';

class AppealOutcomeDto extends createZodDto(appealOutcomeSchema) {}

/** Deciding an appeal case. (Appeals arrive through intake: `POST /intake/appeals`.) */
@ApiTags('appeals')
@Controller('cases')
@Requires('appeal.decide')
export class AppealsController {
  constructor(private readonly appeals: AppealsService) {}

  @Post(':id/appeal-outcome')
  @HttpCode(200)
  @ApiOperation({ summary: 'Uphold or overturn the appealed decision, with reasons; never by the original decider.' })
  decide(@Param() params: CaseIdDto, @Body() body: AppealOutcomeDto, @CurrentStaff() me: AuthenticatedStaff): Promise<CaseDetail> {
    return this.appeals.decide(params.id, me, body.outcome, body.statement, body.version);
  }
}
