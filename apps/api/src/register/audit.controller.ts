import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  accessLogExportQuerySchema,
  accessLogQuerySchema,
  type RegisterVerification,
  type RegisterVerifySchedule,
  type SignedCheckpoint,
  verifyAgainstCheckpointSchema,
} from '@vigie/contracts';
import type { FastifyReply } from 'fastify';
import { DomainException } from '../common/domain.exception';
import { createZodDto } from '../common/zod-validation.pipe';
import { Requires } from '../staff/staff.decorators';
import { RegisterService } from './register.service';
import { PageQueryDto } from '../common/request-params.dto';
import { Journal, NotJournaled } from '../journal/journal.decorators';

class AccessLogQueryDto extends createZodDto(accessLogQuerySchema) {}
class AccessLogExportDto extends createZodDto(accessLogExportQuerySchema) {}
class VerifyAgainstCheckpointDto extends createZodDto(verifyAgainstCheckpointSchema) {}

/** The DPO's view of the access register. Never a message body. */
@ApiTags('audit')
@Controller('audit')
@Requires('register.view')
export class AuditController {
  constructor(private readonly register: RegisterService) {}

  @Get('access-log')
  @Journal('register.viewed')
  @ApiOperation({ summary: 'The access register, newest first; filters: staff, case, subject, outcome, period, entry number, platform conversation.' })
  accessLog(@Query() query: AccessLogQueryDto) {
    return this.register.list(query);
  }

  @Get('access-log/export')
  @Requires('register.export')
  @Journal('register.exported')
  @ApiOperation({ summary: 'The (filtered) register as CSV or JSON, streamed oldest first; flat memory whatever its size.' })
  async export(@Query() query: AccessLogExportDto, @Res() reply: FastifyReply): Promise<void> {
    const { format, ...filters } = query;
    const day = new Date().toISOString().slice(0, 10);
    void reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="vigie-access-register-${day}.${format}"`)
      .header('cache-control', 'no-store')
      .send(await this.register.export(filters, format));
  }

  @Get('staff')
  @NotJournaled('the names behind the staff filters; the lists they filter are journaled')
  @ApiOperation({ summary: 'Every staff account, disabled ones included, to filter the register by.' })
  staff() {
    return this.register.staff();
  }

  @Get('verify')
  @Requires('register.verify')
  @Journal('register.verified')
  @ApiOperation({ summary: 'Recompute the chain and check it against the signed checkpoints; names the first broken entry.' })
  verify(): Promise<RegisterVerification> {
    return this.register.verifyAndRecord('manual');
  }

  @Get('verify/schedule')
  @Requires('register.verify')
  @NotJournaled('how often the register is verified and whether the last scheduled verification found it intact: names nobody')
  @ApiOperation({ summary: 'The scheduled verification: REGISTER_VERIFY_SCHEDULE_HOURS (0: off) and the last scheduled verification.' })
  verifySchedule(): Promise<RegisterVerifySchedule> {
    return this.register.verifySchedule();
  }

  @Post('verify')
  @HttpCode(200)
  @Requires('register.verify')
  @Journal('register.verified')
  @ApiOperation({ summary: 'Verify the register against a signed checkpoint kept outside Vigie (the text of its file); 400 when it is unreadable or not signed here.' })
  verifyAgainst(@Body() body: VerifyAgainstCheckpointDto): Promise<RegisterVerification> {
    return this.register.verifyAgainst(body.checkpoint);
  }

  @Get('checkpoints')
  @Journal('register.checkpoints_viewed')
  @ApiOperation({ summary: 'The signed checkpoints of the register, newest first.' })
  checkpoints(@Query() query: PageQueryDto) {
    return this.register.checkpoints(query.page, query.perPage);
  }

  @Post('checkpoints')
  @HttpCode(201)
  @Requires('register.checkpoint')
  @Journal('register.checkpoint_signed')
  @ApiOperation({ summary: 'Sign the head of the register now; keep the answer outside Vigie.' })
  async sign(): Promise<SignedCheckpoint> {
    const signed = await this.register.checkpoint();
    if (!signed) throw new DomainException('register_empty');
    return signed;
  }
}
