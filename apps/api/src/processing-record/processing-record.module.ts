import { Module } from '@nestjs/common';
import { LiaModule } from '../lia/lia.module';
import { ProcessingRecordController } from './processing-record.controller';

/** The record of processing activities (GDPR Art. 30), written from the running configuration. */
@Module({ imports: [LiaModule], controllers: [ProcessingRecordController] })
export class ProcessingRecordModule {}
