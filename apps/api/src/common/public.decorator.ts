import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'vigie:public';

/**
 * No staff session needed. Says why, so that the route-coverage test and a reader see that it
 * is deliberate: `'health probe'`, `'signed by the platform'`, …
 */
export const Public = (reason: string) => SetMetadata(PUBLIC_ROUTE, reason);
