import type { GrantScope } from './gate';

/** `granted` and `denied` are the gate's answers; `read` is a grant being used. */
export const ACCESS_OUTCOMES = ['granted', 'denied', 'read'] as const;
export type AccessOutcome = (typeof ACCESS_OUTCOMES)[number];

/** One entry of the access register, as the DPO reads it. Never a message body. */
export interface AccessLogEntry {
  sequence: number;
  at: string;
  staff: { id: string; name: string | null; roles: string[] };
  caseId: string | null;
  conversationId: string | null;
  /** The platform's id of the conversation (null when none, or its data was erased). */
  conversationExternalId: string | null;
  reportIds: string[];
  /** The reports the access relied on, with their category and date (none once erased). */
  reports: { id: string; category: string; reportedAt: string }[];
  subjects: { id: string; externalId: string | null; displayName: string | null }[];
  legalBasis: string;
  purpose: string;
  outcome: AccessOutcome;
  /** The refusal reason of a `denied` entry. */
  reason: string | null;
  scope: { kind: GrantScope; messageCount: number; messageIds?: string[] } | null;
  grantId: string | null;
  /** Null once retention erased it (`erasedAt`). */
  justification: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  erasedAt: string | null;
  hash: string;
  /** The legitimate-interest assessment the access was made under (null for entries older than format 3). */
  liaVersion: number | null;
}

export const ACCESS_LOG_SORT_FIELDS = ['sequence'] as const;

export const REGISTER_PROBLEMS = [
  'sequence_gap',
  'prev_hash_mismatch',
  'hash_mismatch',
  'personal_field_mismatch',
  'checkpoint_mismatch',
  'checkpoint_signature_invalid',
  'truncated_before_checkpoint',
  /** Personal fields erased without a recorded retention run for a purged case. */
  'erasure_unrecorded',
  /** The checkpoint kept in the checkpoint file is no longer among those stored in the database. */
  'checkpoint_missing',
] as const;
export type RegisterProblem = (typeof REGISTER_PROBLEMS)[number];

/** The answer of a verification: the whole chain recomputed from the first entry. */
export interface RegisterVerification {
  intact: boolean;
  entriesChecked: number;
  /** Entries checked by format version (`{ "1": n, "2": m }`): each keeps verifying in the format it was written in. */
  formats: Record<string, number>;
  headSequence: number;
  headHash: string | null;
  /** Entries whose personal fields retention erased: verified through their digests. */
  entriesErased: number;
  checkpointsChecked: number;
  firstBroken?: { sequence: number; problem: RegisterProblem };
  /** The staff journal, a chain of its own checked by the same verification and checkpoints. */
  journal: ChainVerification;
  verifiedAt: string;
}

/** One chain's part of a verification. */
export interface ChainVerification {
  intact: boolean;
  entriesChecked: number;
  headSequence: number;
  headHash: string | null;
  firstBroken?: { sequence: number; problem: RegisterProblem };
}

/** What is signed: the head of the chain at a time. */
export interface CheckpointStatement {
  sequence: number;
  headHash: string;
  time: string;
  /** The staff journal's head at the same time (absent from checkpoints signed before it was chained). */
  journal?: { sequence: number; headHash: string };
}

/** A signed checkpoint, as the DPO downloads and keeps it outside the system. */
export interface SignedCheckpoint extends CheckpointStatement {
  algorithm: 'Ed25519';
  /** SPKI public key, PEM. */
  publicKey: string;
  /** Base64 signature over the canonical statement. */
  signature: string;
}


/** A verification of the register as recorded: when, by whom's trigger, what it found. */
export interface RecordedVerification {
  at: string;
  trigger: 'schedule' | 'manual';
  intact: boolean;
  entriesChecked: number;
  firstBrokenSequence: number | null;
}

/** The schedule of the register's verification (REGISTER_VERIFY_SCHEDULE_HOURS; 0: off) and the last scheduled one. */
export interface RegisterVerifySchedule {
  scheduleHours: number;
  last: RecordedVerification | null;
}
