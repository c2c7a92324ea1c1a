import type { CaseMetadata } from '@vigie/contracts';
import { apiCall as call, isRecord } from '../providers/api';

const readMetadata = (body: unknown): CaseMetadata => {
  // The API answers the contract's CaseMetadata; the arrays the page walks must be there.
  if (
    isRecord(body) &&
    typeof body.id === 'string' &&
    typeof body.status === 'string' &&
    Array.isArray(body.reports) &&
    Array.isArray(body.decisions) &&
    Array.isArray(body.participants) &&
    Array.isArray(body.timeline)
  ) {
    return body as unknown as CaseMetadata;
  }
  throw new Error('Unexpected case metadata from the API');
};

/** The DPO's view of a case (each look is written to the staff journal by the API). */
export const caseMetadataApi = {
  async get(caseId: string): Promise<CaseMetadata> {
    return readMetadata(await call(`/cases/${encodeURIComponent(caseId)}/metadata`));
  },
};
