import { lazy } from 'react';
import type { ScreenRoute } from '../common/screenRoute';

// The record of processing (GDPR Art. 30): `GET /api/v1/audit/processing-record`.
export const processingRecordRoute: ScreenRoute = {
  path: '/processing-record',
  action: 'processing_record.view',
  Page: lazy(() => import('./ProcessingRecordPage').then((module) => ({ default: module.ProcessingRecordPage }))),
};
