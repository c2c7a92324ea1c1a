import { z } from 'zod';
import { GRANT_SCOPES, MAX_JUSTIFICATION_LENGTH } from './gate';

export const accessRequestSchema = z.strictObject({
  justification: z.string({ message: 'must be a text' }).max(MAX_JUSTIFICATION_LENGTH),
  reportIds: z.array(z.uuid({ message: 'must be report ids (UUID)' })).max(100),
  scope: z.enum(GRANT_SCOPES).default('context'),
});
export type AccessRequest = z.output<typeof accessRequestSchema>;
