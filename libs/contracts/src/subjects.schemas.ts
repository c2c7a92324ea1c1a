import { z } from 'zod';
import { listQuerySchema } from './list';
import { DOCUMENT_LANGUAGES, SUBJECT_REPORT_FORMATS } from './subjects';

export const SUBJECT_SORT_FIELDS = ['externalId'] as const;

/** `GET /audit/subjects`: a platform user id's beginning, or part of a name (case and accents ignored). */
export const subjectSearchQuerySchema = listQuerySchema(SUBJECT_SORT_FIELDS, 'externalId', {
  q: z.string({ message: 'type part of a name or the beginning of a platform user id' }).trim().min(1, 'required').max(128),
});
export type SubjectSearchQuery = z.output<typeof subjectSearchQuerySchema>;

/** `GET /audit/subjects/:externalId/report`: the format, the document's language, staff names or roles only. */
export const subjectReportQuerySchema = z.strictObject({
  format: z.enum(SUBJECT_REPORT_FORMATS).default('json'),
  lang: z.enum(DOCUMENT_LANGUAGES).default('fr'),
  includeStaff: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
export type SubjectReportQuery = z.output<typeof subjectReportQuerySchema>;

/** `GET /audit/processing-record`. */
export const processingRecordQuerySchema = z.strictObject({
  format: z.enum(['json', 'pdf']).default('json'),
  lang: z.enum(DOCUMENT_LANGUAGES).default('fr'),
});
export type ProcessingRecordQuery = z.output<typeof processingRecordQuerySchema>;

const reference = z.string({ message: 'must be a text' }).trim().min(1, 'required').max(100);
const rightsReason = z.string({ message: 'must be a text' }).trim().min(10, 'needs at least 10 characters').max(1000);

/** `POST /audit/subjects/:externalId/erasure`: the request's reference; a dry run erases nothing. */
export const subjectErasureSchema = z.strictObject({ reference, dryRun: z.boolean().default(false) });
export type SubjectErasureRequest = z.output<typeof subjectErasureSchema>;

/** `POST /audit/subjects/:externalId/restriction`. */
export const subjectRestrictionSchema = z.strictObject({ reason: rightsReason, reference });
export type SubjectRestrictionRequest = z.output<typeof subjectRestrictionSchema>;

/** `POST /audit/subjects/:externalId/restriction/lift`. */
export const subjectRestrictionLiftSchema = z.strictObject({ reason: rightsReason });
export type SubjectRestrictionLiftRequest = z.output<typeof subjectRestrictionLiftSchema>;
