import { Module } from '@nestjs/common';
import { AppealsModule } from '../appeals/appeals.module';
import { CasesModule } from '../cases/cases.module';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { IntakeRateLimitGuard } from './intake-rate-limit.guard';
import { INTAKE_SECRETS, loadIntakeSecrets } from './intake-secrets';
import { IntakeSignatureGuard } from './intake-signature.guard';
import { IntakeController } from './intake.controller';
import { IntakeRepository } from './intake.repository';
import { IntakeService } from './intake.service';

/** Reports and activity signals from the platform, signed, idempotent. */
@Module({
  imports: [AppealsModule, CasesModule],
  controllers: [IntakeController],
  providers: [
    { provide: INTAKE_SECRETS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadIntakeSecrets(config) },
    IntakeRateLimitGuard,
    IntakeSignatureGuard,
    IntakeRepository,
    IntakeService,
  ],
  exports: [INTAKE_SECRETS],
})
export class IntakeModule {}
