import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottleRepository } from './login-throttle.repository';
import { PasswordService } from './password.service';
import { SessionRepository } from './session.repository';
import { SessionGuard } from './session.guard';
import { SessionService } from './session.service';
import { StaffActivity } from './staff-activity.entity';
import { StaffActivityRepository } from './staff-activity.repository';
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
  controllers: [AuthController, StaffController],
  providers: [
    AccountService,
    AuthService,
    LoginThrottleRepository,
    PasswordService,
    SessionRepository,
    SessionService,
    StaffActivityRepository,
    StaffRepository,
    StaffService,
    StepUpService,
    TotpService,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [StaffService, SessionService, StaffActivityRepository],
})
export class StaffModule {}
