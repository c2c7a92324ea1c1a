import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { subjectReportQuerySchema, subjectSearchQuerySchema } from '@vigie/contracts';
import type { FastifyReply } from 'fastify';
import { Client, type RequestClient } from '../common/request-client.decorator';
import { createZodDto } from '../common/zod-validation.pipe';
import { Journal, JournaledByService } from '../journal/journal.decorators';
import { type AuthenticatedStaff, CurrentStaff, Requires } from '../staff/staff.decorators';
import { SubjectsService } from './subjects.service';

class SubjectSearchDto extends createZodDto(subjectSearchQuerySchema) {}
class SubjectReportDto extends createZodDto(subjectReportQuerySchema) {}

/** The DPO's answer to a person's access request (GDPR Art. 15). Never a message body. */
@ApiTags('audit')
@Controller('audit/subjects')
@Requires('subject.report')
export class SubjectsController {
  constructor(private readonly subjects: SubjectsService) {}

  @Get()
  @Journal('subject.searched')
  @ApiOperation({ summary: 'Platform users by the beginning of their platform id or part of their name (case and accents ignored); erased people are not found.' })
  search(@Query() query: SubjectSearchDto) {
    return this.subjects.search(query);
  }

  @Get(':externalId/report')
  @JournaledByService()
  @ApiOperation({
    summary:
      "Every register entry concerning the person, with their cases: JSON, CSV, or a PDF to hand to them (format, lang, includeStaff). Other people never named. 404 subject_not_found.",
  })
  async report(
    @Param('externalId') externalId: string,
    @Query() query: SubjectReportDto,
    @CurrentStaff() staff: AuthenticatedStaff,
    @Client() client: RequestClient,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.subjects.generate(externalId, query, staff.id, client);
    void reply
      .header('content-type', file.contentType)
      .header('cache-control', 'no-store')
      .header('content-disposition', `${query.format === 'json' ? 'inline' : 'attachment'}; filename="${file.filename}"`)
      .send(file.body);
  }
}
