import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type LegalHoldChange, legalHoldSchema } from '@vigie/contracts';
import { Client, type RequestClient } from '../common/request-client.decorator';
import { createZodDto } from '../common/zod-validation.pipe';
import { type AuthenticatedStaff, CurrentStaff, Requires } from '../staff/staff.decorators';
import { RetentionService } from './retention.service';
import { CaseIdDto } from '../common/request-params.dto';
import { JournaledByService } from '../journal/journal.decorators';

class LegalHoldDto extends createZodDto(legalHoldSchema) {}

/** Legal holds: a held case is never erased by retention. Leads and the DPO, with a reason; the answer is the hold, not the case. */
@ApiTags('retention')
@Controller('cases')
@Requires('legal_hold.manage')
// RetentionService writes legal_hold.placed and legal_hold.lifted.
@JournaledByService()
export class LegalHoldController {
  constructor(private readonly retention: RetentionService) {}

  @Post(':id/legal-hold')
  @HttpCode(200)
  @ApiOperation({ summary: 'Place a legal hold, with its reason; recorded on the case and in the staff log.' })
  place(@Param() params: CaseIdDto, @Body() body: LegalHoldDto, @CurrentStaff() me: AuthenticatedStaff, @Client() client: RequestClient): Promise<LegalHoldChange> {
    return this.retention.placeHold(params.id, body, me, client);
  }

  @Delete(':id/legal-hold')
  @ApiOperation({ summary: 'Lift a legal hold, with its reason; retention applies again from the next run.' })
  lift(@Param() params: CaseIdDto, @Body() body: LegalHoldDto, @CurrentStaff() me: AuthenticatedStaff, @Client() client: RequestClient): Promise<LegalHoldChange> {
    return this.retention.liftHold(params.id, body, me, client);
  }
}
