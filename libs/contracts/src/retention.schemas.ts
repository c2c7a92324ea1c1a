import { z } from 'zod';
import { instant } from './fields.schemas';

export const retentionPreviewQuerySchema = z.strictObject({
  /** Runs up to this date; 30 days from now by default. */
  until: instant.optional(),
});
export const startRetentionRunSchema = z.strictObject({ dryRun: z.boolean().default(false) }).default({ dryRun: false });
export const legalHoldSchema = z.strictObject({
  reason: z.string({ message: 'must be a text' }).trim().min(10, 'needs at least 10 characters').max(1000),
});
export type LegalHoldRequest = z.output<typeof legalHoldSchema>;
