export {
  type ActivityEvent,
  createIntakeClient,
  type IntakeClient,
  type IntakeClientOptions,
  MAX_ACTIVITY_EVENTS_PER_REQUEST,
} from './intake-client';
export {
  SIGNATURE_TOLERANCE_SECONDS,
  type SignatureCheck,
  signatureHeader,
  verifySignature,
} from './intake-signature';
export { type FieldProblem, type IntakeFailure, IntakeRequestError, IntakeValidationError } from './intake-client.errors';
export type { ActivityAccepted, ActivityPayload, ActivityRefusal, ApiErrorBody, ReportAccepted, ReportPayload } from '@vigie/contracts';
