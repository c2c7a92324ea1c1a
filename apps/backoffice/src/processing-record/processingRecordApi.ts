import {
  type DocumentLanguage,
  PROCESSING_RECORD_SECTIONS,
  type ProcessingRecord,
  type ProcessingRecordSection,
} from '@vigie/contracts';
import { apiCall as call, isRecord } from '../providers/api';
import { API_PREFIX } from '../providers/httpClient';

const readSection = (value: unknown): ProcessingRecordSection | null =>
  isRecord(value) &&
  (PROCESSING_RECORD_SECTIONS as readonly unknown[]).includes(value.id) &&
  typeof value.title === 'string' &&
  Array.isArray(value.items)
    ? {
        id: value.id as ProcessingRecordSection['id'],
        title: value.title,
        items: value.items.filter((item): item is string => typeof item === 'string'),
      }
    : null;

const readRecord = (body: unknown): ProcessingRecord => {
  if (isRecord(body) && typeof body.generatedAt === 'string' && Array.isArray(body.sections) && isRecord(body.controller) && isRecord(body.dpo)) {
    return {
      generatedAt: body.generatedAt,
      language: body.language === 'en' ? 'en' : 'fr',
      controller: { name: String(body.controller.name ?? ''), contact: String(body.controller.contact ?? '') },
      dpo: { contact: String(body.dpo.contact ?? '') },
      legalBasis: String(body.legalBasis ?? ''),
      purposes: Array.isArray(body.purposes) ? body.purposes.filter((p): p is string => typeof p === 'string') : [],
      retentionPeriod: String(body.retentionPeriod ?? ''),
      platformWebhookUrl: typeof body.platformWebhookUrl === 'string' ? body.platformWebhookUrl : null,
      lia:
        isRecord(body.lia) && typeof body.lia.version === 'number' && typeof body.lia.effectiveFrom === 'string'
          ? { version: body.lia.version, effectiveFrom: body.lia.effectiveFrom, digest: String(body.lia.digest ?? '') }
          : null,
      sections: body.sections.map(readSection).filter((s): s is ProcessingRecordSection => s !== null),
    };
  }
  throw new Error('Unexpected record of processing from the API');
};

/** The record of processing, in the language asked for; its PDF's address. */
export const processingRecordApi = {
  async record(lang: DocumentLanguage): Promise<ProcessingRecord> {
    return readRecord(await call(`/audit/processing-record?lang=${lang}`));
  },
  pdfUrl: (lang: DocumentLanguage): string => `${API_PREFIX}/audit/processing-record?format=pdf&lang=${lang}`,
};

export type ProcessingRecordApi = typeof processingRecordApi;
