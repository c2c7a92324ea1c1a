import {
  ACCESS_OUTCOMES,
  type DocumentLanguage,
  SUBJECT_ROLES,
  type SubjectAccess,
  type RetentionRun,
  type SubjectCase,
  type SubjectErasurePreview,
  type SubjectRestriction,
  type SubjectReport,
  type SubjectRole,
  type SubjectSummary,
} from '@vigie/contracts';
import { apiCall as call, apiPost, isCount, isRecord } from '../providers/api';
import { API_PREFIX } from '../providers/httpClient';

export interface SubjectPage {
  data: SubjectSummary[];
  total: number;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const readSummary = (value: unknown): SubjectSummary | null =>
  isRecord(value) && typeof value.externalId === 'string'
    ? {
        externalId: value.externalId,
        displayName: text(value.displayName),
        casesAsReporter: isCount(value.casesAsReporter) ? value.casesAsReporter : 0,
        casesAsReported: isCount(value.casesAsReported) ? value.casesAsReported : 0,
      }
    : null;

const rolesOf = (value: unknown): SubjectRole[] =>
  Array.isArray(value)
    ? value.filter((role): role is SubjectRole => (SUBJECT_ROLES as readonly unknown[]).includes(role))
    : [];

const readCase = (value: unknown): SubjectCase | null =>
  isRecord(value) && typeof value.caseId === 'string' && typeof value.openedAt === 'string'
    ? {
        caseId: value.caseId,
        roles: rolesOf(value.roles),
        status: value.status as SubjectCase['status'],
        openedAt: value.openedAt,
        lastActivityAt: text(value.lastActivityAt) ?? value.openedAt,
        categories: Array.isArray(value.categories) ? (value.categories.filter((c) => typeof c === 'string') as SubjectCase['categories']) : [],
        otherParticipants: isCount(value.otherParticipants) ? value.otherParticipants : 0,
        dataPurgedAt: text(value.dataPurgedAt),
      }
    : null;

const readScope = (value: unknown): SubjectAccess['scope'] =>
  isRecord(value) && (value.kind === 'context' || value.kind === 'full') && isCount(value.messageCount)
    ? { kind: value.kind, messageCount: value.messageCount, ownMessageCount: isCount(value.ownMessageCount) ? value.ownMessageCount : null }
    : null;

const readAccess = (value: unknown): SubjectAccess | null =>
  isRecord(value) &&
  isCount(value.sequence) &&
  typeof value.at === 'string' &&
  (ACCESS_OUTCOMES as readonly unknown[]).includes(value.outcome)
    ? {
        sequence: value.sequence,
        at: value.at,
        caseId: text(value.caseId),
        outcome: value.outcome as SubjectAccess['outcome'],
        reason: text(value.reason),
        purpose: text(value.purpose) ?? '',
        legalBasis: text(value.legalBasis) ?? '',
        liaVersion: isCount(value.liaVersion) ? value.liaVersion : null,
        scope: readScope(value.scope),
        roles: rolesOf(value.roles),
        staffRole: text(value.staffRole) ?? '',
        staffId: text(value.staffId) ?? '',
        staffName: text(value.staffName),
      }
    : null;

const present = <T>(item: T | null): item is T => item !== null;

const readRestriction = (value: unknown): SubjectRestriction | null =>
  isRecord(value) && typeof value.reference === 'string' && typeof value.restrictedAt === 'string'
    ? {
        reason: text(value.reason) ?? '',
        reference: value.reference,
        restrictedAt: value.restrictedAt,
        restrictedBy:
          isRecord(value.restrictedBy) && typeof value.restrictedBy.id === 'string'
            ? { id: value.restrictedBy.id, name: text(value.restrictedBy.name) ?? '' }
            : null,
      }
    : null;

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);

const readReport = (body: unknown): SubjectReport => {
  const subject = isRecord(body) ? body.subject : undefined;
  if (isRecord(body) && isRecord(subject) && typeof subject.externalId === 'string' && Array.isArray(body.cases) && Array.isArray(body.accesses)) {
    return {
      subject: {
        externalId: subject.externalId,
        displayName: text(subject.displayName),
        kind: subject.kind === 'explorer' || subject.kind === 'expert' ? subject.kind : null,
      },
      cases: body.cases.map(readCase).filter(present),
      accesses: body.accesses.map(readAccess).filter(present),
      generatedAt: text(body.generatedAt) ?? new Date().toISOString(),
      restriction: readRestriction(body.restriction),
    };
  }
  throw new Error('Unexpected access report from the API');
};

const subjectPath = (externalId: string) => `/audit/subjects/${encodeURIComponent(externalId)}`;
const reportPath = (externalId: string) => `${subjectPath(externalId)}/report`;

/** The "Personnes" screen's calls: finding a person, their report, the documents' addresses. */
export const subjectsApi = {
  async search(q: string, page: number, perPage: number): Promise<SubjectPage> {
    const body = await call(`/audit/subjects?q=${encodeURIComponent(q)}&page=${page}&perPage=${perPage}`);
    if (isRecord(body) && Array.isArray(body.data)) {
      const data = body.data.map(readSummary).filter(present);
      return { data, total: isCount(body.total) ? body.total : data.length };
    }
    throw new Error('Unexpected people from the API');
  },

  async report(externalId: string): Promise<SubjectReport> {
    return readReport(await call(reportPath(externalId)));
  },

  async erasurePreview(externalId: string): Promise<SubjectErasurePreview> {
    const body = await call(`${subjectPath(externalId)}/erasure`);
    if (!isRecord(body)) throw new Error('Unexpected erasure preview from the API');
    return {
      caseIds: ids(body.caseIds),
      heldCaseIds: ids(body.heldCaseIds),
      messages: isCount(body.messages) ? body.messages : 0,
      reports: isCount(body.reports) ? body.reports : 0,
    };
  },

  async erase(externalId: string, reference: string): Promise<RetentionRun> {
    const body = await apiPost(`${subjectPath(externalId)}/erasure`, { reference });
    if (isRecord(body) && isRecord(body.run)) return body.run as unknown as RetentionRun;
    throw new Error('Unexpected erasure run from the API');
  },

  async restrict(externalId: string, reason: string, reference: string): Promise<void> {
    await apiPost(`${subjectPath(externalId)}/restriction`, { reason, reference });
  },

  async liftRestriction(externalId: string, reason: string): Promise<void> {
    await apiPost(`${subjectPath(externalId)}/restriction/lift`, { reason });
  },

  /** Where the browser downloads a document: a plain link, the session cookie goes with it. */
  documentUrl(externalId: string, format: 'pdf' | 'csv', options: { lang: DocumentLanguage; includeStaff: boolean }): string {
    const query = new URLSearchParams({ format, ...(format === 'pdf' ? { lang: options.lang } : {}), includeStaff: String(options.includeStaff) });
    return `${API_PREFIX}${reportPath(externalId)}?${query.toString()}`;
  },
};

export type SubjectsApi = typeof subjectsApi;
