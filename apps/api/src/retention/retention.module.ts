import { Module } from '@nestjs/common';
import { SystemAlertsModule } from '../alert-store/system-alerts';
import { CasesModule } from '../cases/cases.module';
import { RegisterModule } from '../register/register.module';
import { StaffModule } from '../staff/staff.module';
import { LegalHoldController } from './legal-hold.controller';
import { RetentionController } from './retention.controller';
import { RetentionRepository } from './retention.repository';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';

/** Retention: the sweeper, its schedule and runs, legal holds. */
@Module({
  imports: [CasesModule, RegisterModule, StaffModule, SystemAlertsModule],
  controllers: [RetentionController, LegalHoldController],
  providers: [RetentionRepository, RetentionService, RetentionScheduler],
  exports: [RetentionService, RetentionRepository],
})
export class RetentionModule {}
