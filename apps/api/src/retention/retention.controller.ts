import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type RetentionPolicy, type RetentionPreview, type RetentionRun, retentionPreviewQuerySchema, startRetentionRunSchema } from '@vigie/contracts';
import { z } from 'zod';
import { Client, type RequestClient } from '../common/request-client.decorator';
import { createZodDto } from '../common/zod-validation.pipe';
import { type AuthenticatedStaff, CurrentStaff, Requires } from '../staff/staff.decorators';
import { RetentionService } from './retention.service';
import { PageQueryDto } from '../common/request-params.dto';
import { Journal, JournaledByService } from '../journal/journal.decorators';

class PreviewQueryDto extends createZodDto(retentionPreviewQuerySchema) {}
class StartRunDto extends createZodDto(startRetentionRunSchema) {}
class RunIdDto extends createZodDto(z.strictObject({ id: z.uuid({ message: 'must be a run id (UUID)' }) })) {}

/** Retention for the DPO and admins: the policy, what will go, the runs. */
@ApiTags('retention')
@Controller('retention')
@Requires('retention.view')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get('policy')
  @Journal('retention.policy_viewed')
  @ApiOperation({ summary: 'The retention period, the schedule and the next run.' })
  policy(): Promise<RetentionPolicy> {
    return this.retention.policy();
  }

  @Get('preview')
  @Journal('retention.previewed')
  @ApiOperation({ summary: 'What runs up to `until` (default: 30 days from now) will erase, pseudonymously.' })
  preview(@Query() query: PreviewQueryDto): Promise<RetentionPreview> {
    return this.retention.preview(query.until);
  }

  @Get('runs')
  @Journal('retention.runs_viewed')
  @ApiOperation({ summary: 'Past and running runs, newest first.' })
  runs(@Query() query: PageQueryDto) {
    return this.retention.runs(query.page, query.perPage);
  }

  @Get('runs/:id')
  @Journal('retention.runs_viewed')
  @ApiOperation({ summary: 'One run, with its progress while it goes on.' })
  run(@Param() params: RunIdDto): Promise<RetentionRun> {
    return this.retention.getRun(params.id);
  }

  @Post('runs')
  @JournaledByService()
  @HttpCode(202)
  @Requires('retention.run')
  @ApiOperation({ summary: 'Start a run now (dryRun: count without erasing); 409 while another runs.' })
  start(@Body() body: StartRunDto, @CurrentStaff() me: AuthenticatedStaff, @Client() client: RequestClient): Promise<RetentionRun> {
    return this.retention.startManual(body.dryRun, me.id, client);
  }

  @Get('legal-holds')
  @Journal('legal_hold.listed')
  @Requires('legal_hold.view')
  @ApiOperation({ summary: 'Every case under a legal hold, with its author; its reason for leads and the DPO only.' })
  legalHolds(@CurrentStaff() me: AuthenticatedStaff) {
    return this.retention.legalHolds(me.roles);
  }
}
