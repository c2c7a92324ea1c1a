import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const PUBLIC_ROUTE = 'vigie:public';
/** The OpenAPI extension that marks a public operation, with its reason. */
export const PUBLIC_EXTENSION = 'x-vigie-public';

/**
 * No staff session needed. Says why, so that the route-coverage test and a reader see that it
 * is deliberate: `'health probe'`, `'signed by the platform'`, …
 */
export const Public = (reason: string) => applyDecorators(SetMetadata(PUBLIC_ROUTE, reason), ApiExtension(PUBLIC_EXTENSION, reason));
