import { z } from 'zod';
import { instant } from './fields.schemas';
import { STAFF_ACTIVITY_EVENTS, STAFF_ACTIVITY_SORT_FIELDS } from './journal';
import { listQuerySchema } from './list';

/** The staff journal's list: newest first; `staffId` matches the actor or the account concerned. */
export const staffActivityQuerySchema = listQuerySchema(STAFF_ACTIVITY_SORT_FIELDS, 'sequence', {
  staffId: z.uuid({ message: 'must be a staff id' }).optional(),
  action: z.enum(STAFF_ACTIVITY_EVENTS).optional(),
  from: instant.optional(),
  to: instant.optional(),
});
export type StaffActivityQuery = z.output<typeof staffActivityQuerySchema>;
