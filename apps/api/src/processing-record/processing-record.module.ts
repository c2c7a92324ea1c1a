import { Module } from '@nestjs/common';
import { ProcessingRecordController } from './processing-record.controller';

/** The record of processing activities (GDPR Art. 30), written from the running configuration. */
@Module({ controllers: [ProcessingRecordController] })
export class ProcessingRecordModule {}
