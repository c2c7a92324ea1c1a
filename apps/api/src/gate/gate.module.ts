import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { RegisterModule } from '../register/register.module';
import { StaffModule } from '../staff/staff.module';
import { GateController } from './gate.controller';
import { GateRepository } from './gate.repository';
import { GateService } from './gate.service';

/** The gate: access grants, the one path to message bodies, each step in the register. */
@Module({
  imports: [CasesModule, RegisterModule, StaffModule],
  controllers: [GateController],
  providers: [GateRepository, GateService],
})
export class GateModule {}
