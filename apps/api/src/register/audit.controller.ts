import { Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { accessLogQuerySchema, type RegisterVerification, type SignedCheckpoint } from '@vigie/contracts';
import { z } from 'zod';
import { DomainException } from '../common/domain.exception';
import { createZodDto } from '../common/zod-validation.pipe';
import { Roles } from '../staff/staff.decorators';
import { RegisterService } from './register.service';

class AccessLogQueryDto extends createZodDto(accessLogQuerySchema) {}
class PageQueryDto extends createZodDto(
  z.strictObject({
    page: z.coerce.number().int().min(1).default(1),
    perPage: z.coerce.number().int().min(1).max(200).default(25),
  }),
) {}

/** The DPO's view of the access register. Never a message body. */
@ApiTags('audit')
@Controller('audit')
@Roles('dpo')
export class AuditController {
  constructor(private readonly register: RegisterService) {}

  @Get('access-log')
  @ApiOperation({ summary: 'The access register, newest first; filters: staff, case, subject, outcome, period.' })
  accessLog(@Query() query: AccessLogQueryDto) {
    return this.register.list(query);
  }

  @Get('staff')
  @ApiOperation({ summary: 'Every staff account, disabled ones included, to filter the register by.' })
  staff() {
    return this.register.staff();
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recompute the chain and check it against the signed checkpoints; names the first broken entry.' })
  verify(): Promise<RegisterVerification> {
    return this.register.verify();
  }

  @Get('checkpoints')
  @ApiOperation({ summary: 'The signed checkpoints of the register, newest first.' })
  checkpoints(@Query() query: PageQueryDto) {
    return this.register.checkpoints(query.page, query.perPage);
  }

  @Post('checkpoints')
  @HttpCode(201)
  @ApiOperation({ summary: 'Sign the head of the register now; keep the answer outside Vigie.' })
  async sign(): Promise<SignedCheckpoint> {
    const signed = await this.register.checkpoint();
    if (!signed) throw new DomainException(HttpStatus.CONFLICT, 'register_empty', 'The register has no entry to sign yet.');
    return signed;
  }
}
