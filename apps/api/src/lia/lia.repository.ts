import { Injectable } from '@nestjs/common';
import type { LiaVersion, LiaVersionSummary } from '@vigie/contracts';
import { DataSource } from 'typeorm';

interface Row {
  version: number;
  text?: string;
  effective_from: Date;
  written_at: Date;
  written_by: string | null;
  written_by_name: string | null;
  digest: string;
}

const SELECT = (withText: boolean) => `
  SELECT v.version, ${withText ? 'v.text, ' : ''}v.effective_from, v.written_at, v.written_by, s.name AS written_by_name, v.digest
    FROM lia_version v LEFT JOIN staff_user s ON s.id = v.written_by`;

function toSummary(row: Row): LiaVersionSummary {
  return {
    version: row.version,
    effectiveFrom: row.effective_from.toISOString(),
    writtenAt: row.written_at.toISOString(),
    writtenBy: row.written_by ? { id: row.written_by, name: row.written_by_name } : null,
    digest: row.digest,
  };
}

const toVersion = (row: Row): LiaVersion => ({ ...toSummary(row), text: row.text ?? '' });

/** The versions of the legitimate-interest assessment. The database numbers, dates and digests them (migration 1764219600000). */
@Injectable()
export class LiaRepository {
  constructor(private readonly dataSource: DataSource) {}

  async inForce(): Promise<LiaVersion | undefined> {
    const [row]: Row[] = await this.dataSource.query(`${SELECT(true)} WHERE v.version = lia_version_in_force()`);
    return row ? toVersion(row) : undefined;
  }

  async get(version: number): Promise<LiaVersion | undefined> {
    const [row]: Row[] = await this.dataSource.query(`${SELECT(true)} WHERE v.version = $1`, [version]);
    return row ? toVersion(row) : undefined;
  }

  async history(): Promise<LiaVersionSummary[]> {
    const rows: Row[] = await this.dataSource.query(`${SELECT(false)} ORDER BY v.version DESC`);
    return rows.map(toSummary);
  }

  /**
   * Appends the next version; the database's trigger takes the lock, refuses a gap or a backdated
   * version and sets the time written and the digest. Without `effectiveFrom`, in force at once.
   */
  async publish(text: string, effectiveFrom: Date | null, by: string): Promise<LiaVersion> {
    const [row]: Row[] = await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [LIA_LOCK_KEY]);
      return m.query(
        `WITH inserted AS (
           INSERT INTO lia_version (version, text, effective_from, written_by)
           VALUES ((SELECT coalesce(max(version), 0) + 1 FROM lia_version), $1, $2, $3)
           RETURNING *)
         SELECT i.version, i.text, i.effective_from, i.written_at, i.written_by, s.name AS written_by_name, i.digest
           FROM inserted i LEFT JOIN staff_user s ON s.id = i.written_by`,
        [text, effectiveFrom, by],
      );
    });
    return toVersion(row);
  }
}

/** The same lock as the database's trigger: versions are numbered one after the other. */
const LIA_LOCK_KEY = 7_461_007;
