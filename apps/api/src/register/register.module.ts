import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AuditController } from './audit.controller';
import { CheckpointScheduler } from './checkpoint.scheduler';
import { RegisterRepository } from './register.repository';
import { RegisterService } from './register.service';
import { loadSigningKey, REGISTER_SIGNING_KEY } from './register-signing-key';

/** The access register: the chain, its verification, signed checkpoints, the DPO's endpoints. */
@Module({
  // The staff journal: its chain is verified and signed with the register's.
  imports: [StaffModule],
  controllers: [AuditController],
  providers: [
    RegisterRepository,
    RegisterService,
    CheckpointScheduler,
    { provide: REGISTER_SIGNING_KEY, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadSigningKey(config) },
  ],
  // Retention erases the register's personal fields through the repository, in its batch's transaction.
  exports: [RegisterService, RegisterRepository],
})
export class RegisterModule {}
