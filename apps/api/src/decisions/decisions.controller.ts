import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type BulkResult, bulkActionSchema, type CaseDetail, type CaseNote, decisionRequestSchema, decisionReviewSchema, noteSchema, transitionRequestSchema, type UserHistory } from '@vigie/contracts';
import { z } from 'zod';
import { createZodDto } from '../common/zod-validation.pipe';
import { type AuthenticatedStaff, CurrentStaff, Requires } from '../staff/staff.decorators';
import { DecisionsService } from './decisions.service';
import { CaseIdDto, uuidParam } from '../common/request-params.dto';

class DecisionDto extends createZodDto(decisionRequestSchema) {}
class ReviewDto extends createZodDto(decisionReviewSchema) {}
class TransitionDto extends createZodDto(transitionRequestSchema) {}
class NoteDto extends createZodDto(noteSchema) {}
class BulkDto extends createZodDto(bulkActionSchema) {}
class CaseDecisionDto extends createZodDto(z.strictObject({ id: uuidParam('case'), decisionId: uuidParam('decision') })) {}
class CaseNoteDto extends createZodDto(z.strictObject({ id: uuidParam('case'), noteId: uuidParam('note') })) {}

@ApiTags('decisions')
@Controller()
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Post('cases/:id/decision')
  @HttpCode(200)
  @Requires('decision.take')
  @ApiOperation({ summary: 'Decide, with the statement of reasons (DSA Art. 17). A moderator’s ban or suspension over 7 days waits for a lead; a removal names only messages of the case’s conversation that the caller’s own access covered.' })
  decide(@Param() params: CaseIdDto, @Body() body: DecisionDto, @CurrentStaff() me: AuthenticatedStaff): Promise<CaseDetail> {
    return this.decisions.decide(params.id, me, body);
  }

  @Post('cases/:id/decisions/:decisionId/review')
  @HttpCode(200)
  @Requires('decision.approve')
  @ApiOperation({ summary: 'Approve or reject a proposed decision (leads; four eyes).' })
  review(@Param() params: CaseDecisionDto, @Body() body: ReviewDto, @CurrentStaff() me: AuthenticatedStaff): Promise<CaseDetail> {
    return this.decisions.review(params.id, params.decisionId, me, body.approve, body.note);
  }

  @Get('decisions/pending')
  @Requires('decision.approve')
  @ApiOperation({ summary: 'Proposed decisions waiting for a lead, oldest first.' })
  pending() {
    return this.decisions.pending();
  }

  @Post('cases/:id/status')
  @HttpCode(200)
  @Requires('case.transition')
  @ApiOperation({ summary: 'Close a decided case, or reopen one (leads, with a reason).' })
  transition(@Param() params: CaseIdDto, @Body() body: TransitionDto, @CurrentStaff() me: AuthenticatedStaff): Promise<CaseDetail> {
    return this.decisions.transition(params.id, me, body.transition, body.reason, body.version);
  }

  @Post('cases/:id/notes')
  @HttpCode(201)
  @Requires('case.note')
  @ApiOperation({ summary: 'An internal note on the case.' })
  addNote(@Param() params: CaseIdDto, @Body() body: NoteDto, @CurrentStaff() me: AuthenticatedStaff): Promise<CaseNote> {
    return this.decisions.addNote(params.id, me, body.text);
  }

  @Patch('cases/:id/notes/:noteId')
  @Requires('case.note')
  @ApiOperation({ summary: 'Edit your own note within 15 minutes; then it is frozen.' })
  editNote(@Param() params: CaseNoteDto, @Body() body: NoteDto, @CurrentStaff() me: AuthenticatedStaff): Promise<CaseNote> {
    return this.decisions.editNote(params.id, params.noteId, me, body.text);
  }

  @Post('cases/bulk')
  @HttpCode(200)
  @Requires('case.bulk')
  @ApiOperation({ summary: 'Assign (leads) or dismiss many cases with one shared statement of reasons; each case gets its own decision.' })
  bulk(@Body() body: BulkDto, @CurrentStaff() me: AuthenticatedStaff): Promise<BulkResult> {
    return this.decisions.bulk(me, body);
  }

  @Get('cases/:id/history')
  @Requires('case.view')
  @ApiOperation({ summary: 'The reported user’s previous cases and decisions within retention, and recent sanction counts.' })
  history(@Param() params: CaseIdDto): Promise<UserHistory> {
    return this.decisions.history(params.id);
  }
}
