import { Module } from '@nestjs/common';
import { SystemAlertsModule } from '../alert-store/system-alerts';
import { JournalModule } from '../journal/journal.module';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AuditController } from './audit.controller';
import { CheckpointScheduler } from './checkpoint.scheduler';
import { VerificationScheduler } from './verification.scheduler';
import { RegisterRepository } from './register.repository';
import { RegisterService } from './register.service';
import { StaffActivityController } from './staff-activity.controller';
import { StaffActivityService } from './staff-activity.service';
import { loadSigningKey, REGISTER_SIGNING_KEY } from './register-signing-key';

/** The access register: the chain, its verification, signed checkpoints, the DPO's endpoints (the staff journal's reading included). */
@Module({
  // The staff journal: its chain is verified and signed with the register's, and the DPO reads it here.
  // System alerts: a broken chain, a checkpoint that could not be signed.
  imports: [JournalModule, SystemAlertsModule],
  controllers: [AuditController, StaffActivityController],
  providers: [
    StaffActivityService,
    RegisterRepository,
    RegisterService,
    CheckpointScheduler,
    VerificationScheduler,
    { provide: REGISTER_SIGNING_KEY, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadSigningKey(config) },
  ],
  // Retention erases the register's personal fields through the repository, in its batch's transaction.
  exports: [RegisterService, RegisterRepository, VerificationScheduler],
})
export class RegisterModule {}
