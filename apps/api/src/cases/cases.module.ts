import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { CaseRecordRepository } from './case-record.repository';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

/** The moderators' queue and the case page: claim and assign; the one writer of the case record. */
@Module({
  imports: [StaffModule],
  controllers: [CasesController],
  providers: [CasesRepository, CaseRecordRepository, CasesService],
  // Every change to a case goes through CaseRecordRepository, whichever feature makes it.
  exports: [CasesService, CaseRecordRepository],
})
export class CasesModule {}
