import {
  type AccessLogEntry,
  REGISTER_PROBLEMS,
  type RegisterProblem,
  type RegisterVerification,
  type RegisterVerifySchedule,
  type SignedCheckpoint,
} from '@vigie/contracts';
import { apiCall as call, apiPost, isRecord } from '../providers/api';

/** The register's resource for react-admin: the dataProvider reads it at `/api/v1/audit/access-log`. */
export const REGISTER_RESOURCE = 'audit/access-log';

/** An entry as the list holds it: the dataProvider copies `sequence` into react-admin's `id`. */
export type RegisterRecord = AccessLogEntry & { id: number };

/** A staff account, for the staff filter: everyone who ever could appear in the register. */
export interface RegisterStaffMember {
  id: string;
  name: string;
  email: string;
}

export interface CheckpointPage {
  data: SignedCheckpoint[];
  total: number;
}

const isProblem = (value: unknown): value is RegisterProblem =>
  typeof value === 'string' && (REGISTER_PROBLEMS as readonly string[]).includes(value);

const readBroken = (broken: unknown): RegisterVerification['firstBroken'] =>
  isRecord(broken) && typeof broken.sequence === 'number' && isProblem(broken.problem)
    ? { sequence: broken.sequence, problem: broken.problem }
    : undefined;

/** The staff journal's part; an answer without it (an older API) reads as an empty journal. */
const readJournal = (body: unknown): RegisterVerification['journal'] => {
  const journal = isRecord(body) ? body : {};
  const firstBroken = readBroken(journal.firstBroken);
  return {
    intact: journal.intact !== false,
    entriesChecked: typeof journal.entriesChecked === 'number' ? journal.entriesChecked : 0,
    headSequence: typeof journal.headSequence === 'number' ? journal.headSequence : 0,
    headHash: typeof journal.headHash === 'string' ? journal.headHash : null,
    ...(firstBroken ? { firstBroken } : {}),
  };
};

/** Entries checked by format; an answer without it (an older API) reads as none. */
const readFormats = (formats: unknown): RegisterVerification['formats'] =>
  isRecord(formats)
    ? Object.fromEntries(Object.entries(formats).filter((pair): pair is [string, number] => typeof pair[1] === 'number'))
    : {};

const readVerification = (body: unknown): RegisterVerification => {
  if (
    isRecord(body) &&
    typeof body.intact === 'boolean' &&
    typeof body.entriesChecked === 'number' &&
    typeof body.headSequence === 'number' &&
    typeof body.verifiedAt === 'string'
  ) {
    const firstBroken = readBroken(body.firstBroken);
    const journal = readJournal(body.journal);
    // A broken chain must name where and why: an answer without it is not to be trusted.
    if (!body.intact && !firstBroken && !journal.firstBroken) {
      throw new Error('Unexpected verification from the API: broken without firstBroken');
    }
    return {
      intact: body.intact,
      entriesChecked: body.entriesChecked,
      headSequence: body.headSequence,
      headHash: typeof body.headHash === 'string' ? body.headHash : null,
      formats: readFormats(body.formats),
      entriesErased: typeof body.entriesErased === 'number' ? body.entriesErased : 0,
      checkpointsChecked: typeof body.checkpointsChecked === 'number' ? body.checkpointsChecked : 0,
      verifiedAt: body.verifiedAt,
      journal,
      ...(firstBroken ? { firstBroken } : {}),
    };
  }
  throw new Error('Unexpected verification from the API');
};

const isCheckpoint = (value: unknown): value is SignedCheckpoint =>
  isRecord(value) &&
  typeof value.sequence === 'number' &&
  typeof value.headHash === 'string' &&
  typeof value.time === 'string' &&
  typeof value.signature === 'string' &&
  typeof value.publicKey === 'string';

const readCheckpoint = (body: unknown): SignedCheckpoint => {
  // Kept whole: the downloaded file must be exactly what the API signed and answered.
  if (isCheckpoint(body)) return body;
  throw new Error('Unexpected checkpoint from the API');
};

const readStaffMember = (value: unknown): RegisterStaffMember | null =>
  isRecord(value) && typeof value.id === 'string' && typeof value.name === 'string'
    ? { id: value.id, name: value.name, email: typeof value.email === 'string' ? value.email : '' }
    : null;

/** The register's calls beyond its list: verification, checkpoints and the staff filter. */
export const registerApi = {
  /** Recomputes the whole chain server-side: seconds on a large register. */
  async verify(): Promise<RegisterVerification> {
    return readVerification(await call('/audit/verify'));
  },

  /** Verifies the register against a checkpoint kept outside Vigie: the text of its file, as it is. */
  async verifyAgainst(checkpoint: string): Promise<RegisterVerification> {
    return readVerification(await apiPost('/audit/verify', { checkpoint }));
  },

  /** How often the register is verified on its own, and what the last scheduled verification found. */
  async verifySchedule(): Promise<RegisterVerifySchedule> {
    const body = await call('/audit/verify/schedule');
    if (isRecord(body) && typeof body.scheduleHours === 'number') {
      const last = body.last;
      if (last === null) return { scheduleHours: body.scheduleHours, last: null };
      if (isRecord(last) && typeof last.at === 'string' && typeof last.intact === 'boolean' && typeof last.entriesChecked === 'number') {
        return {
          scheduleHours: body.scheduleHours,
          last: {
            at: last.at,
            trigger: 'schedule',
            intact: last.intact,
            entriesChecked: last.entriesChecked,
            firstBrokenSequence: typeof last.firstBrokenSequence === 'number' ? last.firstBrokenSequence : null,
          },
        };
      }
    }
    throw new Error('Unexpected verification schedule from the API');
  },

  /** Signs the chain's head now (a mutation: `fetchJson` adds the CSRF header). */
  async signCheckpoint(): Promise<SignedCheckpoint> {
    return readCheckpoint(await call('/audit/checkpoints', { method: 'POST' }));
  },

  /** The latest signed checkpoints, newest first. */
  async checkpoints(perPage: number): Promise<CheckpointPage> {
    const body = await call(`/audit/checkpoints?page=1&perPage=${perPage}`);
    if (isRecord(body) && Array.isArray(body.data)) {
      const data = body.data.filter(isCheckpoint);
      return { data, total: typeof body.total === 'number' ? body.total : data.length };
    }
    throw new Error('Unexpected checkpoints from the API');
  },

  /** Every staff account, disabled ones too: they stay in the register. */
  async staff(): Promise<RegisterStaffMember[]> {
    const body = await call('/audit/staff');
    if (isRecord(body) && Array.isArray(body.data)) {
      return body.data
        .map(readStaffMember)
        .filter((member): member is RegisterStaffMember => member !== null)
        .sort((a, b) => a.name.localeCompare(b.name));
    }
    throw new Error('Unexpected staff from the API');
  },
};

export type RegisterApi = typeof registerApi;
