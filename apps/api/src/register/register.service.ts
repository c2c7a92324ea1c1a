import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  ACCESS_PURPOSE,
  type AccessLogQuery,
  type AccessOutcome,
  type ChainVerification,
  LEGAL_BASIS,
  type RegisterProblem,
  type RecordedVerification,
  type RegisterVerification,
  type RegisterVerifySchedule,
  type SignedCheckpoint,
} from '@vigie/contracts';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { SystemAlerts } from '../alert-store/system-alerts';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { type ChainWalk, nextLink, walkChain } from '../common/hash-chain';
import { JOURNAL_FORMAT, type JournalChainedEntry, JOURNAL_FORMAT_V2, journalHash, journalPersonalDigest } from '../journal/staff-activity-chain';
import type { JournalLink } from '../journal/staff-activity.repository';
import { StaffActivityRepository } from '../journal/staff-activity.repository';
import { CheckpointFileError, checkpointDir, checkpointDirWritable, parseCheckpoint, readCheckpointFile, writeCheckpointFile } from './checkpoint-file';
import { DomainException } from '../common/domain.exception';
import { chainHash, chainTime, isRegisterFormat, newSalt, personalDigest, REGISTER_FORMAT, type RegisterFormat } from './register-chain';
import { exportStream } from './register-export';
import { type AccessLogFilters, type ChainLink, RegisterRepository, type StoredEntry } from './register.repository';
import { checkpointSignatureValid, REGISTER_SIGNING_KEY, type RegisterSigningKey, signCheckpoint } from './register-signing-key';

/** Who asked, from where: the request's side of an entry. */
export interface AccessClient {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** What the gate knows of an access; the register adds the time, the legal basis, the chain. */
export interface AccessRecord {
  staff: { id: string; roles: readonly string[] };
  caseId: string | null;
  conversationId: string | null;
  reportIds: readonly string[];
  subjectIds: readonly string[];
  outcome: AccessOutcome;
  reason?: string;
  scope?: Record<string, unknown>;
  grantId?: string;
  justification: string | null;
  client: AccessClient;
}

const VERIFY_BATCH = 1000;

/** The access register: appending to the chain, reading it, proving it intact. */
@Injectable()
export class RegisterService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Register');
  private readonly checkpointDir: string;
  private readonly verifyScheduleHours: number;
  private readonly journalRetention: string;

  constructor(
    private readonly register: RegisterRepository,
    private readonly journal: StaffActivityRepository,
    private readonly clock: Clock,
    private readonly systemAlerts: SystemAlerts,
    @Inject(REGISTER_SIGNING_KEY) private readonly key: RegisterSigningKey,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.checkpointDir = checkpointDir(config);
    this.verifyScheduleHours = config.REGISTER_VERIFY_SCHEDULE_HOURS;
    this.journalRetention = config.STAFF_JOURNAL_RETENTION;
  }

  /** Says at start, loudly, when the checkpoint file cannot be kept (a read-only secrets folder, say). */
  onApplicationBootstrap(): void {
    if (!checkpointDirWritable(this.checkpointDir)) {
      this.logger.warn({ dir: this.checkpointDir }, 'CHECKPOINT_DIR is not writable: signed checkpoints are kept in the database only');
    }
  }

  /**
   * Appends an entry within the caller's transaction: it commits, or nothing does. An entry
   * about a case whose data was purged records nothing personal (digests of empty values).
   */
  async record(m: EntityManager, record: AccessRecord, at: Date = this.clock.now()): Promise<StoredEntry> {
    const salt = newSalt();
    const purged = record.caseId ? await this.register.casePurged(m, record.caseId) : false;
    const { requestId } = record.client;
    const { ip, userAgent } = purged ? { ip: null, userAgent: null } : record.client;
    const justification = purged ? null : record.justification;
    return this.register.append(m, record.grantId ?? null, (head, liaVersion) => {
      const { sequence, prevHash } = nextLink(head);
      const fields = {
        sequence,
        at: chainTime(at),
        staffId: record.staff.id.toLowerCase(),
        staffRoles: [...record.staff.roles].sort(),
        caseId: record.caseId?.toLowerCase() ?? null,
        conversationId: record.conversationId?.toLowerCase() ?? null,
        reportIds: record.reportIds.map((id) => id.toLowerCase()),
        subjectIds: record.subjectIds.map((id) => id.toLowerCase()),
        legalBasis: LEGAL_BASIS,
        purpose: ACCESS_PURPOSE,
        outcome: record.outcome,
        reason: record.reason ?? null,
        scope: record.scope ?? null,
        grantId: record.grantId?.toLowerCase() ?? null,
        requestId,
        justificationDigest: personalDigest(salt, justification),
        ipDigest: personalDigest(salt, ip),
        userAgentDigest: personalDigest(salt, userAgent),
        liaVersion,
      };
      return {
        ...fields,
        format: REGISTER_FORMAT,
        justification,
        ip,
        userAgent,
        salt,
        erased: false,
        prevHash,
        hash: chainHash(prevHash, fields, REGISTER_FORMAT),
      };
    });
  }

  list(query: AccessLogQuery) {
    return this.register.list(query);
  }

  /** The filtered register, oldest first: CSV straight from PostgreSQL, JSON a batch at a time. */
  async export(filters: AccessLogFilters, format: 'csv' | 'json'): Promise<Readable> {
    return format === 'csv' ? this.register.copyCsv(filters) : exportStream(this.register.entries(filters));
  }

  staff() {
    return this.register.staff().then((data) => ({ data }));
  }

  checkpoints(page: number, perPage: number) {
    return this.register.checkpoints(perPage, (page - 1) * perPage);
  }

  /**
   * Signs the current heads of the register and the staff journal; undefined while the register
   * is empty. Stored in the database, then in the checkpoint file (a file that cannot be written
   * is logged, the checkpoint stays signed).
   */
  async checkpoint(): Promise<SignedCheckpoint | undefined> {
    const [head, journal] = await Promise.all([this.register.head(), this.journal.head()]);
    if (!head) return undefined;
    const now = this.clock.now();
    const signed = signCheckpoint(this.key, {
      sequence: head.sequence,
      headHash: head.hash,
      time: now.toISOString(),
      ...(journal ? { journal: { sequence: journal.sequence, headHash: journal.hash } } : {}),
    });
    // The file holds only stored checkpoints: one signed at the same heads by another instance meanwhile stays the one.
    if (!(await this.register.insertCheckpoint(signed, now))) return signed;
    try {
      writeCheckpointFile(this.checkpointDir, signed);
    } catch (error) {
      this.logger.error({ dir: this.checkpointDir, err: error instanceof Error ? error.message : String(error) }, 'Could not keep the checkpoint in its file');
    }
    return signed;
  }

  async latestCheckpointAt(): Promise<Date | undefined> {
    return this.register.latestCheckpointAt();
  }

  /**
   * The verification against one checkpoint the DPO kept outside Vigie and hands back (the text
   * of its file): 400 `checkpoint_unreadable` when it is not one, `checkpoint_signature_invalid`
   * when it was not signed by this installation's key or was altered since. A register that
   * diverges from it is not an error: the answer says `intact: false` and names the entry — and,
   * like any verification that finds it broken, is kept on record and raises the DPO's alert.
   */
  async verifyAgainst(text: string): Promise<RegisterVerification> {
    const checkpoint = parseCheckpoint(text);
    if (!checkpoint) throw new DomainException('checkpoint_unreadable');
    if (checkpoint.publicKey.trim() !== this.key.publicKeyPem.trim() || !checkpointSignatureValid(checkpoint, this.key.publicKeyPem)) {
      throw new DomainException('checkpoint_signature_invalid');
    }
    return this.verifyAndRecord('manual', [checkpoint]);
  }

  /**
   * Verifies both chains and keeps the outcome on record (the schedule's, or the DPO's); a broken
   * chain raises a `register_broken` alert for the DPO, naming the first broken entry by
   * sequence and problem only. One open such alert at a time: the next failures join it.
   */
  async verifyAndRecord(trigger: RecordedVerification['trigger'], external: SignedCheckpoint[] = []): Promise<RegisterVerification> {
    const verification = await this.verify(external);
    const broken = verification.firstBroken ? { chain: 'register', ...verification.firstBroken } : verification.journal.firstBroken ? { chain: 'journal', ...verification.journal.firstBroken } : undefined;
    await this.register.recordVerification({
      at: this.clock.now(),
      trigger,
      intact: verification.intact,
      entriesChecked: verification.entriesChecked + verification.journal.entriesChecked,
      firstBrokenSequence: broken?.sequence ?? null,
      problem: broken?.problem ?? null,
    });
    if (broken) await this.systemAlerts.raise('register_broken', { chain: broken.chain, sequence: broken.sequence, problem: broken.problem, trigger });
    return verification;
  }

  /** When the schedule last verified, and how often it does. */
  async verifySchedule(): Promise<RegisterVerifySchedule> {
    return { scheduleHours: this.verifyScheduleHours, last: await this.register.lastVerification('schedule') };
  }

  /** When the schedule last verified the register (due again after REGISTER_VERIFY_SCHEDULE_HOURS). */
  async lastScheduledVerificationAt(): Promise<Date | undefined> {
    const last = await this.register.lastVerification('schedule');
    return last ? new Date(last.at) : undefined;
  }

  /**
   * Recomputes both chains — the register and the staff journal — from their first entries, a
   * batch at a time (memory stays flat whatever their size), and checks them against every signed
   * checkpoint it knows: those kept in the database and the latest kept in the checkpoint file,
   * which must carry this installation's signature, and `external` ones the DPO kept elsewhere —
   * the only defence against someone who rewrote a whole chain, its stored checkpoints and the
   * file. A chain shorter than a checkpoint is truncated, an empty one included. Each entry is
   * rehashed in its own format (`formats` counts them), read back exactly as it was hashed, and
   * an erased one must match an erasure recorded for its purged case. `intact` holds for both
   * chains; `journal` tells the journal's part.
   */
  async verify(external: SignedCheckpoint[] = []): Promise<RegisterVerification> {
    // The file first: it is written after the database, so whatever it holds is already stored.
    const problems: NonNullable<ChainWalk['firstBroken']>[] = [];
    let file: SignedCheckpoint | undefined;
    try {
      file = readCheckpointFile(this.checkpointDir);
    } catch (error) {
      if (!(error instanceof CheckpointFileError)) throw error;
      problems.push({ sequence: 1, problem: 'checkpoint_signature_invalid' });
    }
    const stored = (await this.register.checkpoints()).data;
    const registerHeads = new Map<number, string[]>();
    const journalHeads = new Map<number, string[]>();
    const trusted = (checkpoint: SignedCheckpoint) =>
      (external.includes(checkpoint) || checkpoint.publicKey === this.key.publicKeyPem) && checkpointSignatureValid(checkpoint);
    for (const checkpoint of [...stored, ...(file ? [file] : []), ...external]) {
      // A checkpoint that is not ours is no evidence of what the chain held: named, not used.
      if (!trusted(checkpoint)) {
        problems.push({ sequence: checkpoint.sequence, problem: 'checkpoint_signature_invalid' });
        continue;
      }
      registerHeads.set(checkpoint.sequence, [...(registerHeads.get(checkpoint.sequence) ?? []), checkpoint.headHash]);
      const { journal } = checkpoint;
      if (journal) journalHeads.set(journal.sequence, [...(journalHeads.get(journal.sequence) ?? []), journal.headHash]);
    }
    const fileStored = file !== undefined && stored.some((checkpoint) => sameCheckpoint(checkpoint, file));
    if (file && trusted(file) && !fileStored) problems.push({ sequence: file.sequence, problem: 'checkpoint_missing' });

    // The journal's erasures that count: recorded in the journal, their cutoff at least STAFF_JOURNAL_RETENTION before them.
    const journalErasures = (await this.journal.erasures(this.journalRetention, this.clock.now())).filter((e) => e.valid);
    let journalV2Seen = false;
    let erased = 0;
    let lastFormat = 0;
    const formats: Record<string, number> = {};
    const [register, journal] = await Promise.all([
      walkChain(this.register.chain(VERIFY_BATCH), {
        heads: registerHeads,
        rehash: (entry: ChainLink) => chainHash(entry.prevHash, entry, entry.format as RegisterFormat),
        problemOf: (entry: ChainLink): RegisterProblem | undefined => {
          // Formats only move forward: an entry in an older format than the one before it was not written so.
          if (entry.malformed || !isRegisterFormat(entry.format) || entry.format < lastFormat) return 'hash_mismatch';
          // Formats before 3 do not cover the assessment's version: an entry in one of them has none.
          if ((entry.format < 3) !== (entry.liaVersion === null)) return 'hash_mismatch';
          if (!entry.personalHold) return 'personal_field_mismatch';
          if (!entry.erasureRecorded) return 'erasure_unrecorded';
          return undefined;
        },
        onLink: (entry: ChainLink) => {
          if (entry.erased) erased += 1;
          formats[entry.format] = (formats[entry.format] ?? 0) + 1;
          lastFormat = entry.format;
        },
      }),
      walkChain(this.journal.chain(VERIFY_BATCH), {
        heads: journalHeads,
        rehash: (entry) => journalHash(entry.prevHash, entry),
        // Read back exactly: details are a JSON object (the column's default is {}; a JSON null would hash as {}), an address has no netmask.
        problemOf: (entry) => {
          if (!entry.exact || !isPlainObject(entry.details)) return 'hash_mismatch';
          // Formats only move forward.
          if (entry.format === JOURNAL_FORMAT && journalV2Seen) return 'hash_mismatch';
          if (entry.format === JOURNAL_FORMAT_V2) {
            journalV2Seen = true;
            return journalPersonalProblem(entry, journalErasures);
          }
          return undefined;
        },
      }),
    ]);
    // The earliest problem; at one sequence, what the walk found (it says more than a missing checkpoint).
    const registerBroken = [register.firstBroken, ...problems].reduce(earliest, undefined);
    return {
      intact: registerBroken === undefined && journal.firstBroken === undefined,
      entriesChecked: register.entriesChecked,
      formats,
      headSequence: register.headSequence,
      headHash: register.headHash,
      entriesErased: erased,
      checkpointsChecked: stored.length + (file && !fileStored ? 1 : 0) + external.length,
      ...(registerBroken ? { firstBroken: registerBroken } : {}),
      journal: chainVerification(journal),
      verifiedAt: this.clock.now().toISOString(),
    };
  }
}

/**
 * A v2 journal entry's personal fields: as sealed by their digest, or erased — every one of them
 * blank — by an erasure the journal recorded after it, whose cutoff was past the entry.
 */
function journalPersonalProblem(entry: JournalLink, erasures: { sequence: number; cutoff: string }[]): RegisterProblem | undefined {
  if (entry.erasedAt === null) {
    if (!entry.personalSalt || journalPersonalDigest(entry.personalSalt, entry as JournalChainedEntry) !== entry.personalDigest) return 'personal_field_mismatch';
    return undefined;
  }
  const blank =
    entry.actorId === null && entry.subjectId === null && entry.ip === null && entry.userAgent === null && entry.personalSalt === null && Object.keys(entry.details as object).length === 0;
  if (!blank) return 'personal_field_mismatch';
  const sequence = Number(entry.sequence);
  const at = Date.parse(entry.at);
  return erasures.some((e) => e.sequence > sequence && Date.parse(e.cutoff) > at) ? undefined : 'erasure_unrecorded';
}

const isPlainObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

function sameCheckpoint(a: SignedCheckpoint, b: SignedCheckpoint): boolean {
  return a.sequence === b.sequence && a.headHash === b.headHash && a.signature === b.signature && a.journal?.sequence === b.journal?.sequence;
}

function earliest(a: ChainWalk['firstBroken'], b: ChainWalk['firstBroken']): ChainWalk['firstBroken'] {
  if (!a || !b) return a ?? b;
  return b.sequence < a.sequence ? b : a;
}

function chainVerification(walk: ChainWalk): ChainVerification {
  return { intact: walk.firstBroken === undefined, ...walk };
}
