import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JournalInterceptor } from './journal.interceptor';
import { LoginThrottleRepository } from './login-throttle.repository';
import { PasswordLinkRepository } from './password-link.repository';
import { PasswordLinkService } from './password-link.service';
import { PasswordService } from './password.service';
import { RoleRequestController } from './role-request.controller';
import { RoleRequestRepository } from './role-request.repository';
import { RoleRequestService } from './role-request.service';
import { SessionRepository } from './session.repository';
import { SessionGuard } from './session.guard';
import { SessionService } from './session.service';
import { StaffActivity } from './staff-activity.entity';
import { StaffActivityController } from './staff-activity.controller';
import { StaffActivityRepository } from './staff-activity.repository';
import { StaffActivityService } from './staff-activity.service';
import { StaffSession } from './staff-session.entity';
import { StepUpService } from './step-up.service';
import { StaffUser } from './staff-user.entity';
import { StaffController } from './staff.controller';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';
import { TotpService } from './totp.service';

/** Staff accounts, sessions, MFA and the global guard that puts every route behind a session. */
@Module({
  imports: [TypeOrmModule.forFeature([StaffUser, StaffSession, StaffActivity])],
  controllers: [AuthController, RoleRequestController, StaffController, StaffActivityController],
  providers: [
    AccountService,
    AuthService,
    LoginThrottleRepository,
    PasswordLinkRepository,
    PasswordLinkService,
    PasswordService,
    RoleRequestRepository,
    RoleRequestService,
    SessionRepository,
    SessionService,
    StaffActivityRepository,
    StaffActivityService,
    StaffRepository,
    StaffService,
    StepUpService,
    TotpService,
    { provide: APP_GUARD, useClass: SessionGuard },
    // Writes the staff journal's entry of every `@Journal(event)` route.
    { provide: APP_INTERCEPTOR, useClass: JournalInterceptor },
  ],
  exports: [StaffService, SessionService, StaffActivityRepository],
})
export class StaffModule {}
