import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ListResponse, RoleRequest } from '@vigie/contracts';
import { clientOf } from './auth.controller';
import { Journal, JournaledByService } from '../journal/journal.decorators';
import { UuidParamDto } from './dto/staff.dto';
import { RoleRequestService } from './role-request.service';
import { type AuthenticatedStaff, CurrentStaff, Requires, type StaffRequest } from './staff.decorators';

/** Four eyes on roles: leads and admins approve the roles someone else gave. */
@ApiTags('staff')
@Controller('staff/role-requests')
@Requires('staff.approve_roles')
export class RoleRequestController {
  constructor(private readonly requests: RoleRequestService) {}

  @Get()
  @Journal('staff.role_requests_listed')
  @ApiOperation({ summary: 'Pending role requests the caller’s roles could approve (content roles: leads and admins; dpo and admin: admins).' })
  list(@CurrentStaff() me: AuthenticatedStaff): Promise<ListResponse<RoleRequest>> {
    return this.requests.listPending(me);
  }

  @Post(':id/approve')
  @HttpCode(204)
  @JournaledByService()
  @ApiOperation({ summary: 'Approve a role request: never its requester, the account concerned, or someone whose own role is pending.' })
  approve(@Param() params: UuidParamDto, @CurrentStaff() me: AuthenticatedStaff, @Req() request: StaffRequest): Promise<void> {
    return this.requests.approve(params.id, { ...me, ...clientOf(request) });
  }

  @Post(':id/reject')
  @HttpCode(204)
  @JournaledByService()
  @ApiOperation({ summary: 'Reject a role request (same rule as approving); the account keeps the roles it holds.' })
  reject(@Param() params: UuidParamDto, @CurrentStaff() me: AuthenticatedStaff, @Req() request: StaffRequest): Promise<void> {
    return this.requests.reject(params.id, { ...me, ...clientOf(request) });
  }
}
