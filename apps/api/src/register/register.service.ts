import { Inject, Injectable } from '@nestjs/common';
import {
  ACCESS_PURPOSE,
  type AccessLogQuery,
  type AccessOutcome,
  LEGAL_BASIS,
  type RegisterProblem,
  type RegisterVerification,
  type SignedCheckpoint,
} from '@vigie/contracts';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { chainHash, chainTime, GENESIS_HASH, newSalt, personalDigest } from './register-chain';
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
export class RegisterService {
  constructor(
    private readonly register: RegisterRepository,
    private readonly clock: Clock,
    @Inject(REGISTER_SIGNING_KEY) private readonly key: RegisterSigningKey,
  ) {}

  /** Appends an entry within the caller's transaction: it commits, or nothing does. */
  async record(m: EntityManager, record: AccessRecord, at: Date = this.clock.now()): Promise<StoredEntry> {
    const salt = newSalt();
    const { ip, userAgent, requestId } = record.client;
    return this.register.append(m, (head) => {
      const fields = {
        sequence: head ? (BigInt(head.sequence) + 1n).toString() : '1',
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
        justificationDigest: personalDigest(salt, record.justification),
        ipDigest: personalDigest(salt, ip),
        userAgentDigest: personalDigest(salt, userAgent),
      };
      const prevHash = head?.hash ?? GENESIS_HASH;
      return {
        ...fields,
        justification: record.justification,
        ip,
        userAgent,
        salt,
        erased: false,
        prevHash,
        hash: chainHash(prevHash, fields),
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

  /** Signs the current head and keeps the checkpoint; undefined while the register is empty. */
  async checkpoint(): Promise<SignedCheckpoint | undefined> {
    const head = await this.register.head();
    if (!head) return undefined;
    const now = this.clock.now();
    const signed = signCheckpoint(this.key, { sequence: head.sequence, headHash: head.hash, time: now.toISOString() });
    await this.register.insertCheckpoint(signed, now);
    return signed;
  }

  async latestCheckpointAt(): Promise<Date | undefined> {
    return this.register.latestCheckpointAt();
  }

  /**
   * Recomputes the chain from its first entry, a batch at a time (memory stays flat whatever the
   * register's size), and checks it against every signed checkpoint: those kept in the database,
   * which must carry this installation's signature, and `external` ones the DPO kept elsewhere —
   * the only defence against someone who rewrote the whole chain and its stored checkpoints.
   */
  async verify(external: SignedCheckpoint[] = []): Promise<RegisterVerification> {
    const stored = (await this.register.checkpoints()).data;
    const checkpoints = new Map<number, SignedCheckpoint[]>();
    let broken: RegisterVerification['firstBroken'];
    const breakAt = (sequence: number, problem: RegisterProblem) => {
      if (!broken || sequence < broken.sequence) broken = { sequence, problem };
    };
    for (const checkpoint of [...stored, ...external]) {
      const trusted = external.includes(checkpoint) || checkpoint.publicKey === this.key.publicKeyPem;
      if (!trusted || !checkpointSignatureValid(checkpoint)) breakAt(checkpoint.sequence, 'checkpoint_signature_invalid');
      checkpoints.set(checkpoint.sequence, [...(checkpoints.get(checkpoint.sequence) ?? []), checkpoint]);
    }

    let checked = 0;
    let erased = 0;
    let previous: { sequence: bigint; hash: string } = { sequence: 0n, hash: GENESIS_HASH };
    scan: for await (const batch of this.register.chain(VERIFY_BATCH)) {
      for (const entry of batch) {
        const sequence = BigInt(entry.sequence);
        const problem = problemOf(entry, previous, checkpoints.get(Number(sequence)));
        if (problem) {
          breakAt(problem === 'sequence_gap' ? Number(previous.sequence + 1n) : Number(sequence), problem);
          break scan;
        }
        if (entry.erased) erased += 1;
        checked += 1;
        previous = { sequence, hash: entry.hash };
      }
    }
    const lastChecked = Number(previous.sequence);
    if (!broken) {
      const beyond = [...checkpoints.keys()].filter((sequence) => sequence > lastChecked).sort((a, b) => a - b);
      if (beyond.length > 0) breakAt(lastChecked + 1, 'truncated_before_checkpoint');
    }
    return {
      intact: broken === undefined,
      entriesChecked: checked,
      headSequence: lastChecked,
      headHash: checked > 0 ? previous.hash : null,
      entriesErased: erased,
      checkpointsChecked: stored.length + external.length,
      ...(broken ? { firstBroken: broken } : {}),
      verifiedAt: this.clock.now().toISOString(),
    };
  }
}

/** What is wrong with `entry` coming after `previous`, if anything. */
function problemOf(
  entry: ChainLink,
  previous: { sequence: bigint; hash: string },
  checkpoints: SignedCheckpoint[] | undefined,
): RegisterProblem | undefined {
  if (BigInt(entry.sequence) !== previous.sequence + 1n) return 'sequence_gap';
  if (entry.prevHash !== previous.hash) return 'prev_hash_mismatch';
  if (!entry.personalHold) return 'personal_field_mismatch';
  if (chainHash(entry.prevHash, entry) !== entry.hash) return 'hash_mismatch';
  if (checkpoints?.some((c) => c.headHash !== entry.hash)) return 'checkpoint_mismatch';
  return undefined;
}
