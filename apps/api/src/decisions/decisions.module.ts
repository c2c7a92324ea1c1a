import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { OutboxModule } from '../outbox/outbox.module';
import { DecisionsController } from './decisions.controller';
import { DecisionsRepository } from './decisions.repository';
import { DecisionsService } from './decisions.service';

/** Decisions, notes, the status machine, the reported user's record. */
@Module({
  imports: [CasesModule, OutboxModule],
  controllers: [DecisionsController],
  providers: [DecisionsRepository, DecisionsService],
  exports: [DecisionsRepository],
})
export class DecisionsModule {}
