import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type LiaOverview, type LiaVersion, publishLiaSchema } from '@vigie/contracts';
import { z } from 'zod';
import { Client, type RequestClient } from '../common/request-client.decorator';
import { createZodDto } from '../common/zod-validation.pipe';
import { JournaledByService, NotJournaled } from '../journal/journal.decorators';
import { type AuthenticatedStaff, CurrentStaff, Requires } from '../staff/staff.decorators';
import { LiaService } from './lia.service';

class PublishLiaDto extends createZodDto(publishLiaSchema) {}
class LiaVersionParamDto extends createZodDto(z.strictObject({ version: z.coerce.number({ message: 'must be a version number' }).int().min(1).max(2_147_483_647) })) {}

/** The DPO's side of the legitimate-interest assessment: its versions, and publishing the next. */
@ApiTags('audit')
@Controller('audit/lia')
@Requires('lia.manage')
export class LiaAuditController {
  constructor(private readonly lia: LiaService) {}

  @Get()
  @NotJournaled('the assessment is a document of the organisation, naming nobody')
  @ApiOperation({ summary: 'The legitimate-interest assessment in force, and every version (newest first, without their texts).' })
  overview(): Promise<LiaOverview> {
    return this.lia.overview();
  }

  @Post()
  @JournaledByService()
  @ApiOperation({ summary: 'Publish the next version of the assessment, in force from effectiveFrom (now when absent; never in the past). The journal records its version and date.' })
  publish(@Body() body: PublishLiaDto, @CurrentStaff() me: AuthenticatedStaff, @Client() client: RequestClient): Promise<LiaVersion> {
    return this.lia.publish(body, me.id, client);
  }
}

/** Every member of staff reads the assessment their accesses are made under. */
@ApiTags('lia')
@Controller('lia')
@Requires('lia.view')
export class LiaController {
  constructor(private readonly lia: LiaService) {}

  @Get('current')
  @NotJournaled('the assessment is a document of the organisation, naming nobody')
  @ApiOperation({ summary: 'The legitimate-interest assessment in force, with its text.' })
  current(): Promise<LiaVersion> {
    return this.lia.current();
  }

  @Get(':version')
  @NotJournaled('the assessment is a document of the organisation, naming nobody')
  @ApiOperation({ summary: 'One version of the legitimate-interest assessment, with its text.' })
  get(@Param() params: LiaVersionParamDto): Promise<LiaVersion> {
    return this.lia.get(params.version);
  }
}
