import { z } from 'zod';
import { listQuerySchema } from './list';
import { ACCESS_LOG_SORT_FIELDS, ACCESS_OUTCOMES } from './register';
import { instant } from './fields.schemas';

export const accessLogQuerySchema = listQuerySchema(ACCESS_LOG_SORT_FIELDS, 'sequence', {
  staffId: z.uuid({ message: 'must be a staff id' }).optional(),
  caseId: z.uuid({ message: 'must be a case id' }).optional(),
  /** A platform user's external id: entries that concern them. */
  subject: z.string().trim().min(1).max(128).optional(),
  outcome: z.enum(ACCESS_OUTCOMES).optional(),
  from: instant.optional(),
  to: instant.optional(),
  /** One entry by its number ("jump to entry n° X"). */
  sequence: z.coerce.number({ message: 'must be an entry number' }).int({ message: 'must be an entry number' }).min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  /** A platform conversation id: entries about that conversation. */
  conversation: z.string().trim().min(1).max(128).optional(),
});
export type AccessLogQuery = z.output<typeof accessLogQuerySchema>;

/** A checkpoint file as read back (CLI `audit:verify --checkpoint FILE`). */
export const signedCheckpointSchema = z.object({
  sequence: z.number().int().min(1),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  time: z.string(),
  journal: z.object({ sequence: z.number().int().min(1), headHash: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
  algorithm: z.literal('Ed25519'),
  publicKey: z.string().includes('PUBLIC KEY'),
  signature: z.string().min(1),
});

/** The register export: the list's filters, no paging, streamed as CSV or JSON. */
export const accessLogExportQuerySchema = z.strictObject({
  format: z.enum(['csv', 'json']).default('csv'),
  staffId: z.uuid({ message: 'must be a staff id' }).optional(),
  caseId: z.uuid({ message: 'must be a case id' }).optional(),
  subject: z.string().trim().min(1).max(128).optional(),
  outcome: z.enum(ACCESS_OUTCOMES).optional(),
  from: instant.optional(),
  to: instant.optional(),
  sequence: z.coerce.number({ message: 'must be an entry number' }).int({ message: 'must be an entry number' }).min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  conversation: z.string().trim().min(1).max(128).optional(),
});

/** `POST /audit/verify`: the register checked against a checkpoint the DPO kept outside Vigie (the file's text). */
export const verifyAgainstCheckpointSchema = z.strictObject({
  checkpoint: z.string().min(1).max(20_000),
});
export type VerifyAgainstCheckpoint = z.output<typeof verifyAgainstCheckpointSchema>;
