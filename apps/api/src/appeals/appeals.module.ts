import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { OutboxModule } from '../outbox/outbox.module';
import { AppealsController } from './appeals.controller';
import { AppealsRepository } from './appeals.repository';
import { AppealsService } from './appeals.service';

/** Appeals against decisions (DSA Art. 20). */
@Module({
  imports: [CasesModule, DecisionsModule, OutboxModule],
  controllers: [AppealsController],
  providers: [AppealsRepository, AppealsService],
  exports: [AppealsService],
})
export class AppealsModule {}
