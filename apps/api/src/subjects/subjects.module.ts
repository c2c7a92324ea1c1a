import { Module } from '@nestjs/common';
import { JournalModule } from '../journal/journal.module';
import { RetentionModule } from '../retention/retention.module';
import { SubjectRightsController } from './subject-rights.controller';
import { SubjectRightsService } from './subject-rights.service';
import { SubjectsController } from './subjects.controller';
import { SubjectsRepository } from './subjects.repository';
import { SubjectsService } from './subjects.service';

/**
 * A person's rights as the DPO answers them: the access report (GDPR Art. 15), erasure on
 * request and restriction of processing (Art. 17, 18, 21).
 */
@Module({
  imports: [JournalModule, RetentionModule],
  controllers: [SubjectsController, SubjectRightsController],
  providers: [SubjectsRepository, SubjectsService, SubjectRightsService],
})
export class SubjectsModule {}
