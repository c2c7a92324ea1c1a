import type { StaffActivityEvent } from '@vigie/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One entry of the staff journal: who did what to which account, from where. Never a password, a
 * token or a code. A link of a hash chain (`staff-activity-chain.ts`), written only by
 * `StaffActivityRepository.record`.
 */
@Entity({ name: 'staff_activity' })
export class StaffActivity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Index('uq_staff_activity_sequence', { unique: true })
  @Column({ type: 'bigint' })
  sequence!: string;

  /** The canonical form the hash was computed with. */
  @Column({ type: 'text' })
  format!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  event!: StaffActivityEvent;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId!: string | null;

  @Column({ type: 'inet', nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;
}
