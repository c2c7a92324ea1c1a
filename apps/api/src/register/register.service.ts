import { Inject, Injectable } from '@nestjs/common';
import {
  ACCESS_PURPOSE,
  type AccessLogQuery,
  type AccessOutcome,
  type ChainVerification,
  LEGAL_BASIS,
  type RegisterProblem,
  type RegisterVerification,
  type SignedCheckpoint,
} from '@vigie/contracts';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { type ChainWalk, nextLink, walkChain } from '../common/hash-chain';
import { journalHash } from '../journal/staff-activity-chain';
import { StaffActivityRepository } from '../journal/staff-activity.repository';
import { chainHash, chainTime, newSalt, personalDigest } from './register-chain';
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
    private readonly journal: StaffActivityRepository,
    private readonly clock: Clock,
    @Inject(REGISTER_SIGNING_KEY) private readonly key: RegisterSigningKey,
  ) {}

  /** Appends an entry within the caller's transaction: it commits, or nothing does. */
  async record(m: EntityManager, record: AccessRecord, at: Date = this.clock.now()): Promise<StoredEntry> {
    const salt = newSalt();
    const { ip, userAgent, requestId } = record.client;
    return this.register.append(m, (head) => {
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
        justificationDigest: personalDigest(salt, record.justification),
        ipDigest: personalDigest(salt, ip),
        userAgentDigest: personalDigest(salt, userAgent),
      };
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

  /** Signs the current heads of the register and the staff journal; undefined while the register is empty. */
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
    await this.register.insertCheckpoint(signed, now);
    return signed;
  }

  async latestCheckpointAt(): Promise<Date | undefined> {
    return this.register.latestCheckpointAt();
  }

  /**
   * Recomputes both chains — the register and the staff journal — from their first entries, a
   * batch at a time (memory stays flat whatever their size), and checks them against every signed
   * checkpoint: those kept in the database, which must carry this installation's signature, and
   * `external` ones the DPO kept elsewhere — the only defence against someone who rewrote a whole
   * chain and its stored checkpoints. `intact` holds for both; `journal` tells the journal's part.
   */
  async verify(external: SignedCheckpoint[] = []): Promise<RegisterVerification> {
    const stored = (await this.register.checkpoints()).data;
    const registerHeads = new Map<number, string[]>();
    const journalHeads = new Map<number, string[]>();
    let badSignature: number | undefined;
    for (const checkpoint of [...stored, ...external]) {
      const trusted = external.includes(checkpoint) || checkpoint.publicKey === this.key.publicKeyPem;
      if (!trusted || !checkpointSignatureValid(checkpoint)) badSignature = Math.min(badSignature ?? Infinity, checkpoint.sequence);
      registerHeads.set(checkpoint.sequence, [...(registerHeads.get(checkpoint.sequence) ?? []), checkpoint.headHash]);
      const { journal } = checkpoint;
      if (journal) journalHeads.set(journal.sequence, [...(journalHeads.get(journal.sequence) ?? []), journal.headHash]);
    }

    let erased = 0;
    const [register, journal] = await Promise.all([
      walkChain(this.register.chain(VERIFY_BATCH), {
        heads: registerHeads,
        rehash: (entry: ChainLink) => chainHash(entry.prevHash, entry),
        problemOf: (entry: ChainLink): RegisterProblem | undefined => (entry.personalHold ? undefined : 'personal_field_mismatch'),
        onLink: (entry: ChainLink) => {
          if (entry.erased) erased += 1;
        },
      }),
      walkChain(this.journal.chain(VERIFY_BATCH), { heads: journalHeads, rehash: (entry) => journalHash(entry.prevHash, entry) }),
    ]);
    const registerBroken = earliest(register.firstBroken, badSignature === undefined ? undefined : { sequence: badSignature, problem: 'checkpoint_signature_invalid' });
    return {
      intact: registerBroken === undefined && journal.firstBroken === undefined,
      entriesChecked: register.entriesChecked,
      headSequence: register.headSequence,
      headHash: register.headHash,
      entriesErased: erased,
      checkpointsChecked: stored.length + external.length,
      ...(registerBroken ? { firstBroken: registerBroken } : {}),
      journal: chainVerification(journal),
      verifiedAt: this.clock.now().toISOString(),
    };
  }
}

function earliest(a: ChainWalk['firstBroken'], b: ChainWalk['firstBroken']): ChainWalk['firstBroken'] {
  if (!a || !b) return a ?? b;
  return b.sequence <= a.sequence ? b : a;
}

function chainVerification(walk: ChainWalk): ChainVerification {
  return { intact: walk.firstBroken === undefined, ...walk };
}
