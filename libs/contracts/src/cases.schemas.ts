import { z } from 'zod';
import { CASE_SORT_FIELDS } from './cases';
import { CASE_STATUSES, REPORT_CATEGORIES } from './domain';
import { listQuerySchema } from './list';
import { instant } from './fields.schemas';

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1));

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The queue's query: unknown filters and sort fields are a 400. */
export const caseListQuerySchema = listQuerySchema(CASE_SORT_FIELDS, 'priority', {
  status: csv(CASE_STATUSES).optional(),
  category: csv(REPORT_CATEGORIES).optional(),
  priorityMin: z.coerce.number().int().min(0).optional(),
  assignee: z.uuid({ message: 'must be a staff id' }).optional(),
  mine: flag.optional(),
  unassigned: flag.optional(),
  reportedUser: z.string().trim().min(1).max(128).optional(),
  createdFrom: instant.optional(),
  createdTo: instant.optional(),
  lastActivityFrom: instant.optional(),
  lastActivityTo: instant.optional(),
});
export type CaseListQuery = z.output<typeof caseListQuerySchema>;

// A claim needs no body; `version` makes it conditional on the case being unchanged.
export const claimCaseSchema = z.strictObject({ version: z.number().int().min(1).optional() }).default({});
export const assignCaseSchema = z.strictObject({
  assigneeId: z.uuid({ message: 'must be a staff id' }).nullable(),
  version: z.number().int().min(1).optional(),
});
