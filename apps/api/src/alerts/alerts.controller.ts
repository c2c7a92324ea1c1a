import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  accessActivityQuerySchema,
  alertsQuerySchema,
  type AlertSummary,
  type ListResponse,
  resolveAlertSchema,
  type StaffAccessActivity,
  type StaffAlert,
} from '@vigie/contracts';
import { z } from 'zod';
import { uuidParam } from '../common/request-params.dto';
import { createZodDto } from '../common/zod-validation.pipe';
import { Client, type RequestClient } from '../common/request-client.decorator';
import { Journal, JournaledByService, NotJournaled } from '../journal/journal.decorators';
import { type AuthenticatedStaff, CurrentStaff, Requires } from '../staff/staff.decorators';
import { AlertsService } from './alerts.service';

class AlertsQueryDto extends createZodDto(alertsQuerySchema) {}
class ResolveAlertDto extends createZodDto(resolveAlertSchema) {}
class AlertIdDto extends createZodDto(z.strictObject({ id: uuidParam('alert') })) {}
class StaffIdDto extends createZodDto(z.strictObject({ id: uuidParam('staff') })) {}
class AccessActivityQueryDto extends createZodDto(accessActivityQuerySchema) {}

/** Alerts on anomalous access, for the DPO: staff are watched, and the DPO's reading of it is journaled. */
@ApiTags('audit')
@Controller('audit')
@Requires('alerts.view')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get('alerts')
  @Journal('alerts.viewed')
  @ApiOperation({ summary: 'Alerts on anomalous access, newest first; filters: status, rule, staffId.' })
  list(@Query() query: AlertsQueryDto): Promise<ListResponse<StaffAlert>> {
    return this.alerts.list(query);
  }

  @Get('alerts/summary')
  @NotJournaled('a count of open alerts for the menu badge, naming nobody; the list itself is journaled')
  @ApiOperation({ summary: 'How many alerts are open.' })
  summary(): Promise<AlertSummary> {
    return this.alerts.summary();
  }

  @Post('alerts/:id/resolve')
  @HttpCode(200)
  @Requires('alerts.resolve')
  @JournaledByService()
  @ApiOperation({ summary: 'Acknowledge or dismiss an open alert, with a note; the staff journal records it (alert, rule, status, the person concerned).' })
  resolve(@Param() params: AlertIdDto, @Body() body: ResolveAlertDto, @CurrentStaff() me: AuthenticatedStaff, @Client() client: RequestClient): Promise<StaffAlert> {
    return this.alerts.resolve(params.id, body, me.id, client);
  }

  @Get('staff/:id/activity')
  @Journal('staff.access_activity_viewed', { subjectParam: 'id' })
  @ApiOperation({ summary: "A member of staff's openings, denials and widenings per day (UTC), with their alerts; the last 30 days by default." })
  activity(@Param() params: StaffIdDto, @Query() query: AccessActivityQueryDto): Promise<StaffAccessActivity> {
    return this.alerts.activity(params.id, query);
  }
}
