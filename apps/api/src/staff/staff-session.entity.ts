import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How a session ends: its holder signs out, it times out, the account is disabled, or its password changes. */
export type SessionEnd = 'signed_out' | 'expired' | 'account_disabled' | 'credentials_changed';

@Entity({ name: 'staff_session' })
export class StaffSession {
  /** SHA-256 of the cookie's token, never the token itself. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId!: string;

  @Column({ name: 'csrf_token', type: 'text' })
  csrfToken!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /** Why a revoked session ended: a grant it held says so when it stops working. */
  @Column({ name: 'ended_by', type: 'text', nullable: true })
  endedBy!: SessionEnd | null;

  /** When the session last confirmed its password or code; a sign-in counts. */
  @Column({ name: 'stepped_up_at', type: 'timestamptz', nullable: true })
  steppedUpAt!: Date | null;

  @Column({ type: 'inet', nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;
}
