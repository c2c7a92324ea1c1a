import type { StaffActivityEvent } from '@vigie/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what to which account, from where. Never a password, a token or a code. */
@Entity({ name: 'staff_activity' })
export class StaffActivity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

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
}
