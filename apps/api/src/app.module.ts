import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { loggingParams } from './common/logging';
import { SpaFallback } from './common/spa-fallback';
import { ZodValidationPipe } from './common/zod-validation.pipe';
import { APP_CONFIG, type AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { LoginRoleCheck } from './database/login-role.check';
import { HealthModule } from './health/health.module';
import { CasesModule } from './cases/cases.module';
import { GateModule } from './gate/gate.module';
import { IntakeModule } from './intake/intake.module';
import { RegisterModule } from './register/register.module';
import { RetentionModule } from './retention/retention.module';
import { DecisionsModule } from './decisions/decisions.module';
import { OutboxModule } from './outbox/outbox.module';
import { TransparencyModule } from './transparency/transparency.module';
import { StaffModule } from './staff/staff.module';
import { SubjectsModule } from './subjects/subjects.module';
import { ProcessingRecordModule } from './processing-record/processing-record.module';
import { Clock, SystemClock } from './common/clock';
import { AlertsModule } from './alerts/alerts.module';
import { LiaModule } from './lia/lia.module';

export interface AppRuntime {
  config: AppConfig;
  /** The database to use: `DATABASE_URL`, or the embedded server's. */
  databaseUrl: string;
  /** Where log lines go (tests capture them); standard output by default. */
  logDestination?: DestinationStream;
  /** The time; tests pass a clock they move. */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static register(runtime: AppRuntime): DynamicModule {
    const { config } = runtime;
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggingParams(config, runtime.logDestination)),
        // Each feature registers its entities with TypeOrmModule.forFeature.
        TypeOrmModule.forRoot({ ...dataSourceOptions(runtime.databaseUrl, { poolSize: config.DATABASE_POOL_SIZE, role: config.DATABASE_ROLE }), autoLoadEntities: true }),
        HealthModule,
        StaffModule,
        IntakeModule,
        CasesModule,
        RegisterModule,
        GateModule,
        RetentionModule,
        OutboxModule,
        DecisionsModule,
        TransparencyModule,
        SubjectsModule,
        ProcessingRecordModule,
        AlertsModule,
        LiaModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: runtime.clock ?? new SystemClock() },
        SpaFallback,
        LoginRoleCheck,
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}
