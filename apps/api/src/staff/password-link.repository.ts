import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface PasswordLinkRow {
  id: string;
  staffId: string;
  email: string;
  name: string;
  expiresAt: Date;
  usedAt: Date | null;
}

const SELECT_LINK = `
  SELECT l.id, l.staff_id AS "staffId", u.email, u.name, l.expires_at AS "expiresAt", l.used_at AS "usedAt"
    FROM staff_password_link l JOIN staff_user u ON u.id = l.staff_id`;

/** One-time password links, kept as the SHA-256 of their token. */
@Injectable()
export class PasswordLinkRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** A new link ends the account's earlier unused ones: only the last one handed over works. */
  async insert(link: { staffId: string; tokenHash: string; issuedBy: string | null; at: Date; expiresAt: Date }): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(`UPDATE staff_password_link SET expires_at = $2 WHERE staff_id = $1 AND used_at IS NULL AND expires_at > $2`, [link.staffId, link.at]);
      await m.query(
        `INSERT INTO staff_password_link (staff_id, token_hash, issued_by, issued_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
        [link.staffId, link.tokenHash, link.issuedBy, link.at, link.expiresAt],
      );
    });
  }

  async findByTokenHash(tokenHash: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<PasswordLinkRow | undefined> {
    const rows: PasswordLinkRow[] = await m.query(`${SELECT_LINK} WHERE l.token_hash = $1${lock ? ' FOR UPDATE OF l' : ''}`, [tokenHash]);
    return rows[0];
  }

  async markUsed(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.query(`UPDATE staff_password_link SET used_at = $2 WHERE id = $1 AND used_at IS NULL`, [id, at]);
  }

  async setPasswordHash(m: EntityManager, staffId: string, passwordHash: string, at: Date): Promise<void> {
    await m.query(`UPDATE staff_user SET password_hash = $2, updated_at = $3 WHERE id = $1`, [staffId, passwordHash, at]);
  }
}
