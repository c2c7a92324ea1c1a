import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { subjectErasureSchema, subjectRestrictionLiftSchema, subjectRestrictionSchema } from '@vigie/contracts';
import { Client, type RequestClient } from '../common/request-client.decorator';
import { createZodDto } from '../common/zod-validation.pipe';
import { JournaledByService } from '../journal/journal.decorators';
import { type AuthenticatedStaff, CurrentStaff, Requires } from '../staff/staff.decorators';
import { SubjectRightsService } from './subject-rights.service';

class SubjectErasureDto extends createZodDto(subjectErasureSchema) {}
class SubjectRestrictionDto extends createZodDto(subjectRestrictionSchema) {}
class SubjectRestrictionLiftDto extends createZodDto(subjectRestrictionLiftSchema) {}

/** A person's other rights (GDPR Art. 17, 18, 21): erasure on request, restriction of processing. The DPO only. */
@ApiTags('audit')
@Controller('audit/subjects')
@Requires('subject.rights')
// SubjectRightsService writes subject.erasure_previewed, subject.erased, subject.restricted, subject.restriction_lifted.
@JournaledByService()
export class SubjectRightsController {
  constructor(private readonly rights: SubjectRightsService) {}

  @Get(':externalId/erasure')
  @ApiOperation({ summary: "What an erasure on request would erase: the person's cases, and those held (legal hold, appeal under way). 404 subject_not_found." })
  preview(@Param('externalId') externalId: string, @CurrentStaff() me: AuthenticatedStaff, @Client() client: RequestClient) {
    return this.rights.previewErasure(externalId, me, client);
  }

  @Post(':externalId/erasure')
  @ApiOperation({
    summary:
      "Erase the person's cases now, as retention would (a run triggered by `request`, with the reference). 409 subject_cases_held (details.caseIds) while any is held; 409 retention_running.",
  })
  async erase(@Param('externalId') externalId: string, @Body() body: SubjectErasureDto, @CurrentStaff() me: AuthenticatedStaff, @Client() client: RequestClient) {
    return { run: await this.rights.erase(externalId, body, me, client) };
  }

  @Post(':externalId/restriction')
  @ApiOperation({ summary: 'Restrict the processing of the person\'s data: no conversation involving them opens while it stands. 409 restriction_exists.' })
  restrict(@Param('externalId') externalId: string, @Body() body: SubjectRestrictionDto, @CurrentStaff() me: AuthenticatedStaff, @Client() client: RequestClient) {
    return this.rights.restrict(externalId, body, me, client);
  }

  @Post(':externalId/restriction/lift')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift the standing restriction, with a reason. 409 no_restriction.' })
  lift(@Param('externalId') externalId: string, @Body() body: SubjectRestrictionLiftDto, @CurrentStaff() me: AuthenticatedStaff, @Client() client: RequestClient) {
    return this.rights.lift(externalId, body, me, client);
  }
}
