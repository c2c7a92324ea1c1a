import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JournalInterceptor } from './journal.interceptor';
import { StaffActivity } from './staff-activity.entity';
import { StaffActivityRepository } from './staff-activity.repository';

/**
 * The staff journal: who watches the watchers. Its chained, append-only table, and the
 * interceptor that writes the entry of every `@Journal(event)` route. The DPO reads it through
 * the register's audit routes.
 */
@Module({
  imports: [TypeOrmModule.forFeature([StaffActivity])],
  providers: [StaffActivityRepository, { provide: APP_INTERCEPTOR, useClass: JournalInterceptor }],
  exports: [StaffActivityRepository],
})
export class JournalModule {}
