import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppealsModule } from '../appeals/appeals.module';
import { CasesModule } from '../cases/cases.module';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { INTAKE_SECRETS, loadIntakeSecrets } from './intake-secrets';
import { IntakeSignatureGuard } from './intake-signature.guard';
import { IntakeController } from './intake.controller';
import { IntakeRepository } from './intake.repository';
import { IntakeService } from './intake.service';

/** Reports and activity signals from the platform, signed, idempotent. */
@Module({
  imports: [
    AppealsModule,
    CasesModule,
    // In memory, per API instance: the limit protects each instance from a flood; it is not a quota.
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.INTAKE_RATE_LIMIT_PER_MINUTE }],
        errorMessage: 'Too many intake requests from this client: wait for Retry-After seconds, then retry.',
      }),
    }),
  ],
  controllers: [IntakeController],
  providers: [
    { provide: INTAKE_SECRETS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadIntakeSecrets(config) },
    IntakeSignatureGuard,
    IntakeRepository,
    IntakeService,
  ],
  exports: [INTAKE_SECRETS],
})
export class IntakeModule {}
