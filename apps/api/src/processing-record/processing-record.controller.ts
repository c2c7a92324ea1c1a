import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ProcessingRecord, processingRecordQuerySchema } from '@vigie/contracts';
import type { FastifyReply } from 'fastify';
import { Clock } from '../common/clock';
import { createZodDto } from '../common/zod-validation.pipe';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Journal } from '../journal/journal.decorators';
import { LiaService } from '../lia/lia.service';
import { Requires } from '../staff/staff.decorators';
import { processingRecord, processingRecordPdf } from './processing-record';

class ProcessingRecordDto extends createZodDto(processingRecordQuerySchema) {}

/** The record of processing (GDPR Art. 30): the DPO keeps it, admins run what it describes. */
@ApiTags('audit')
@Controller('audit/processing-record')
@Requires('processing_record.view')
export class ProcessingRecordController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly lia: LiaService,
  ) {}

  @Get()
  @Journal('processing_record.viewed')
  @ApiOperation({ summary: 'The record of processing, generated from the running configuration: JSON, or a PDF (format=pdf; lang=fr|en).' })
  // Passthrough: the answer leaves after the journal entry is written, as on every journaled route.
  async record(@Query() query: ProcessingRecordDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ProcessingRecord | Buffer> {
    const { current } = await this.lia.overview();
    const lia = current ? { version: current.version, effectiveFrom: current.effectiveFrom, digest: current.digest } : null;
    const record = processingRecord(this.config, query.lang, this.clock.now(), lia);
    const day = record.generatedAt.slice(0, 10);
    void reply.header('cache-control', 'no-store');
    if (query.format !== 'pdf') return record;
    void reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="vigie-processing-record-${day}.pdf"`);
    return processingRecordPdf(record);
  }
}
