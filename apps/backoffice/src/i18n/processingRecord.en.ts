import type { MessagesOf } from './messagesOf';
import type { processingRecordFr } from './processingRecord';

// English, loaded with en.ts only when someone chooses it.
export const processingRecordEn: MessagesOf<typeof processingRecordFr> = {
  menu: 'Record of processing',
  title: 'Record of processing',
  intro:
    'The record of processing activities (GDPR Article 30), produced each time it is read from the configuration in service: it cannot fall behind what Vigie does.',
  load_failed: 'The record cannot be shown: %{message}',
  generated_at: 'Produced on %{date}',
  pdf_fr: 'PDF in French',
  pdf_en: 'PDF in English',
  in_language: 'Shown in English; the PDF downloads in either language.',
};
