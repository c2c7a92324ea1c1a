import { z } from 'zod';
import { createZodDto } from './zod-validation.pipe';

/** A path id that must be a UUID, named in the 400 when it is not. */
export const uuidParam = (what: string) => z.uuid({ message: `must be a ${what} id (UUID)` });

/** `:id` of the routes under /cases/:id. */
export class CaseIdDto extends createZodDto(z.strictObject({ id: uuidParam('case') })) {}

/** `page` and `perPage` of a list without sort or filters. */
export class PageQueryDto extends createZodDto(
  z.strictObject({
    page: z.coerce.number().int().min(1).default(1),
    perPage: z.coerce.number().int().min(1).max(200).default(25),
  }),
) {}
