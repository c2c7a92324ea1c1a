import { Body, Controller, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CreatedStaffAccount, ListResponse, PasswordLink, StaffAccount } from '@vigie/contracts';
import { clientOf } from './auth.controller';
import { CreateStaffDto, StaffListQueryDto, UpdateStaffDto, UuidParamDto } from './dto/staff.dto';
import { type AuthenticatedStaff, CurrentStaff, Requires, type StaffRequest } from './staff.decorators';
import { StaffService } from './staff.service';
import { Journal, JournaledByService } from '../journal/journal.decorators';

@ApiTags('staff')
@Controller('staff')
@Requires('staff.manage')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @Journal('staff.listed')
  @ApiOperation({ summary: 'Staff accounts (admin).' })
  list(@Query() query: StaffListQueryDto): Promise<ListResponse<StaffAccount>> {
    return this.staff.list(query);
  }

  @Get(':id')
  @Journal('staff.viewed', { subjectParam: 'id' })
  @ApiOperation({ summary: 'One staff account (admin).' })
  get(@Param() params: UuidParamDto): Promise<StaffAccount> {
    return this.staff.get(params.id);
  }

  @Post()
  @JournaledByService()
  @ApiOperation({
    summary: 'Create a staff account (admin): its roles wait for a second person’s approval; answers a one-time link (24 h) with which the person sets their password.',
  })
  create(@Body() body: CreateStaffDto, @CurrentStaff() me: AuthenticatedStaff, @Req() request: StaffRequest): Promise<CreatedStaffAccount> {
    return this.staff.create(body, { id: me.id, ...clientOf(request) });
  }

  @Post(':id/password-link')
  @JournaledByService()
  @ApiOperation({
    summary: 'Reset a password (admin): a new one-time link for the person; the account’s content roles wait for approval again.',
  })
  issuePasswordLink(@Param() params: UuidParamDto, @CurrentStaff() me: AuthenticatedStaff, @Req() request: StaffRequest): Promise<PasswordLink> {
    return this.staff.issuePasswordLink(params.id, { id: me.id, ...clientOf(request) });
  }

  @Patch(':id')
  @JournaledByService()
  @ApiOperation({
    summary: 'Rename, change roles, disable or re-enable an account (admin). Roles removed apply at its next request; roles given wait for approval.',
  })
  update(
    @Param() params: UuidParamDto,
    @Body() body: UpdateStaffDto,
    @CurrentStaff() me: AuthenticatedStaff,
    @Req() request: StaffRequest,
  ): Promise<StaffAccount> {
    return this.staff.update(params.id, body, { id: me.id, ...clientOf(request) });
  }
}
