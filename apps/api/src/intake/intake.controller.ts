import { Body, Controller, Headers, HttpCode, HttpStatus, Post, Req, type RawBodyRequest, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ActivityAccepted, activityPayloadSchema, appealPayloadSchema, type ReportAccepted, reportPayloadSchema } from '@vigie/contracts';
import { AppealsService } from '../appeals/appeals.service';
import type { FastifyRequest } from 'fastify';
import { DomainException } from '../common/domain.exception';
import { Public } from '../common/public.decorator';
import { createZodDto } from '../common/zod-validation.pipe';
import { IntakeRateLimitGuard } from './intake-rate-limit.guard';
import { IntakeSignatureGuard } from './intake-signature.guard';
import { IntakeService } from './intake.service';

export class ReportDto extends createZodDto(reportPayloadSchema) {}
export class ActivityDto extends createZodDto(activityPayloadSchema) {}
export class AppealDto extends createZodDto(appealPayloadSchema) {}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

@ApiTags('intake')
@ApiHeader({ name: 'X-Signature', required: true, description: 't=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>' })
@Controller('intake')
@Public('signed by the platform: IntakeSignatureGuard checks every request')
// Over the rate limit a request is refused before its signature is even checked.
@UseGuards(IntakeRateLimitGuard, IntakeSignatureGuard)
export class IntakeController {
  constructor(
    private readonly intake: IntakeService,
    private readonly appeals: AppealsService,
  ) {}

  @Post('reports')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'The same key and body again get the same answer.' })
  @ApiOperation({ summary: 'One report from an in-app report button, with the snapshot of its conversation.' })
  report(
    @Body() body: ReportDto,
    @Headers('idempotency-key') key: string | undefined,
    @Req() request: RawBodyRequest<FastifyRequest>,
  ): Promise<ReportAccepted> {
    if (!key || !IDEMPOTENCY_KEY.test(key)) {
      throw new DomainException('idempotency_key');
    }
    return this.intake.receiveReport(key, request.rawBody ?? Buffer.alloc(0), body);
  }

  @Post('activity')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: "Users' last-activity signals, in batches (they keep cases' retention clock honest). A signal dated more than 5 minutes ahead is refused on its own, listed in `refused`.",
  })
  activity(@Body() body: ActivityDto): Promise<ActivityAccepted> {
    return this.intake.receiveActivity(body);
  }

  @Post('appeals')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'An appeal against a decision (DSA Art. 20), within 6 months of it; 422 after. The same externalId again gets the same answer.' })
  appeal(@Body() body: AppealDto): Promise<{ appealId: string; caseId: string }> {
    return this.appeals.receive(body);
  }
}
