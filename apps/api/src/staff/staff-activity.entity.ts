import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const STAFF_ACTIVITY_EVENTS = [
  'login.succeeded',
  'login.failed',
  'login.locked',
  'logout',
  'password.changed',
  'password.reset',
  'mfa.enrolled',
  'mfa.recovery_code_used',
  'staff.created',
  'staff.roles_changed',
  'staff.renamed',
  'staff.disabled',
  'staff.enabled',
  'legal_hold.placed',
  'legal_hold.lifted',
  'retention.run_started',
] as const;
export type StaffActivityEvent = (typeof STAFF_ACTIVITY_EVENTS)[number];

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
