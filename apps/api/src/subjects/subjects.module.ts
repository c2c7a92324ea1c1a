import { Module } from '@nestjs/common';
import { JournalModule } from '../journal/journal.module';
import { SubjectsController } from './subjects.controller';
import { SubjectsRepository } from './subjects.repository';
import { SubjectsService } from './subjects.service';

/** A person's access report (GDPR Art. 15): the DPO finds the person and hands them every access to their data. */
@Module({
  imports: [JournalModule],
  controllers: [SubjectsController],
  providers: [SubjectsRepository, SubjectsService],
})
export class SubjectsModule {}
