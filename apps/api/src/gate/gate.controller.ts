import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AccessGrant, accessRequestSchema, type GrantedConversation } from '@vigie/contracts';
import { z } from 'zod';
import { Client, type RequestClient } from '../common/request-client.decorator';
import { createZodDto } from '../common/zod-validation.pipe';
import { type AuthenticatedStaff, CurrentStaff, Requires } from '../staff/staff.decorators';
import { GateService } from './gate.service';
import { CaseIdDto } from '../common/request-params.dto';
import { NotJournaled } from '../journal/journal.decorators';

class AccessRequestDto extends createZodDto(accessRequestSchema) {}
class GrantIdDto extends createZodDto(z.strictObject({ grantId: z.uuid({ message: 'must be a grant id (UUID)' }) })) {}

/**
 * The gate. Open to all staff on purpose (`gate.ask`): a DPO or an admin knocking must be refused
 * by the gate itself, so that the refusal is recorded in the register.
 */
@ApiTags('gate')
@Controller()
@Requires('gate.ask')
@NotJournaled('every knock at the gate and every read is an entry of the access register')
export class GateController {
  constructor(private readonly gate: GateService) {}

  @Post('cases/:id/access')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Ask to read a case’s conversation: the reports relied on and a justification (15+ characters), after a recent step-up (POST /auth/step-up; a sign-in counts). 201 with a 15-minute grant, or 403 { reason }. Recorded either way.',
  })
  requestAccess(
    @Param() params: CaseIdDto,
    @Body() body: AccessRequestDto,
    @CurrentStaff() me: AuthenticatedStaff,
    @Client() client: RequestClient,
  ): Promise<AccessGrant> {
    return this.gate.requestAccess(params.id, me, body, client);
  }

  @Get('access-grants/:grantId/messages')
  @ApiOperation({
    summary:
      'The messages a grant covers — the only answer that carries message bodies. 410 grant_expired once it expired; 410 grant_revoked (details.cause) once its holder could no longer open the case, or its session ended.',
  })
  @Header('Cache-Control', 'no-store')
  readMessages(@Param() params: GrantIdDto, @CurrentStaff() me: AuthenticatedStaff, @Client() client: RequestClient): Promise<GrantedConversation> {
    return this.gate.readMessages(params.grantId, me, client);
  }
}
