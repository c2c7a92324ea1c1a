import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { transparencyQuerySchema } from '@vigie/contracts';
import type { FastifyReply } from 'fastify';
import { createZodDto } from '../common/zod-validation.pipe';
import { Requires } from '../staff/staff.decorators';
import { toCsv, TransparencyService } from './transparency.service';
import { Journal } from '../journal/journal.decorators';

class TransparencyQueryDto extends createZodDto(transparencyQuerySchema) {}

@ApiTags('transparency')
@Controller('transparency')
@Requires('transparency.export')
@Journal('transparency.exported')
export class TransparencyController {
  constructor(private readonly transparency: TransparencyService) {}

  @Get('statements')
  @ApiOperation({ summary: 'Statements of reasons of restrictive decisions, in the EU Transparency Database format (JSON or CSV); no personal data.' })
  async statements(@Query() query: TransparencyQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const statements = await this.transparency.statements(query.from, query.to);
    if (query.format === 'json') return { statements };
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="vigie-statements-of-reasons.csv"');
    return toCsv(statements);
  }
}
