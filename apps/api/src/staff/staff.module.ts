import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JournalModule } from '../journal/journal.module';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
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
import { StaffSession } from './staff-session.entity';
import { StepUpService } from './step-up.service';
import { StaffUser } from './staff-user.entity';
import { StaffController } from './staff.controller';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';
import { TotpService } from './totp.service';

/** Staff accounts, sessions, MFA and the global guard that puts every route behind a session. */
@Module({
  imports: [TypeOrmModule.forFeature([StaffUser, StaffSession]), JournalModule],
  controllers: [AuthController, RoleRequestController, StaffController],
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
    StaffRepository,
    StaffService,
    StepUpService,
    TotpService,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  // Whoever works with staff accounts writes to the staff journal.
  exports: [StaffService, SessionService, JournalModule],
})
export class StaffModule {}
