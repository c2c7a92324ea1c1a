import { Injectable } from '@nestjs/common';
import type { StaffRole } from '@vigie/contracts';
import { DataSource } from 'typeorm';
import { StaffUser } from './staff-user.entity';

export type StaffCredentials = Pick<
  StaffUser,
  'id' | 'email' | 'name' | 'roles' | 'disabledAt' | 'passwordHash' | 'totpSecret' | 'totpEnabledAt' | 'recoveryCodeHashes'
>;

@Injectable()
export class StaffRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get users() {
    return this.dataSource.getRepository(StaffUser);
  }

  findById(id: string): Promise<StaffUser | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string): Promise<StaffUser | null> {
    return this.users.findOneBy({ email });
  }

  /** The account with its secrets, which ordinary reads never select. */
  findCredentials(by: { email: string } | { id: string }): Promise<StaffCredentials | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect(['u.passwordHash', 'u.totpSecret', 'u.recoveryCodeHashes'])
      .where('email' in by ? 'u.email = :email' : 'u.id = :id', by)
      .getOne();
  }

  count(): Promise<number> {
    return this.users.count();
  }

  async list(options: { skip: number; take: number; sort: keyof StaffUser; order: 'ASC' | 'DESC' }): Promise<[StaffUser[], number]> {
    return this.users.findAndCount({
      order: { [options.sort]: options.order, id: 'ASC' },
      skip: options.skip,
      take: options.take,
    });
  }

  async insert(user: { email: string; name: string; roles: StaffRole[]; passwordHash: string | null; at: Date }): Promise<StaffUser> {
    const result = await this.users.insert({
      email: user.email,
      name: user.name,
      roles: user.roles,
      passwordHash: user.passwordHash,
      recoveryCodeHashes: [],
      createdAt: user.at,
      updatedAt: user.at,
    });
    const id = (result.identifiers[0] as { id: string }).id;
    return (await this.findById(id)) as StaffUser;
  }

  async update(id: string, changes: Partial<Omit<StaffUser, 'id' | 'createdAt'>> & { updatedAt: Date }): Promise<void> {
    await this.users.update({ id }, changes);
  }

  /** Consumes a recovery code atomically: two sign-ins cannot both spend it. */
  /**
   * Records that the account used the TOTP code of `step`; false when it already used that step
   * or a later one (a replayed code), so that each code signs in once.
   */
  async spendTotpStep(id: string, step: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH spent AS (
         UPDATE staff_user SET totp_last_step = $2
          WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id)
       SELECT id FROM spent`,
      [id, step],
    );
    return rows.length > 0;
  }

  async consumeRecoveryCode(id: string, codeHash: string): Promise<boolean> {
    // A CTE, so that the driver answers rows (TypeORM shapes a bare UPDATE's result differently).
    const rows: unknown[] = await this.dataSource.query(
      `WITH spent AS (
         UPDATE staff_user SET recovery_code_hashes = array_remove(recovery_code_hashes, $2)
          WHERE id = $1 AND $2 = ANY(recovery_code_hashes) RETURNING id)
       SELECT id FROM spent`,
      [id, codeHash],
    );
    return rows.length > 0;
  }
}
