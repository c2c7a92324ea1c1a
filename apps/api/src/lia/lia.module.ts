import { Module } from '@nestjs/common';
import { JournalModule } from '../journal/journal.module';
import { LiaAuditController, LiaController } from './lia.controller';
import { LiaRepository } from './lia.repository';
import { LiaService } from './lia.service';

/** The legitimate-interest assessment, versioned; the gate and the register read the version in force in the database. */
@Module({
  imports: [JournalModule],
  controllers: [LiaAuditController, LiaController],
  providers: [LiaRepository, LiaService],
  exports: [LiaService],
})
export class LiaModule {}
