import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A TOTP code is good for its 30-second step (and the neighbours a drifting phone needs): the
 * last step each account used is kept, so that a code seen over a shoulder or replayed from a
 * captured request is refused for the rest of its window.
 */
export class TotpLastStep1764180000000 implements MigrationInterface {
  name = 'TotpLastStep1764180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "staff_user" ADD COLUMN "totp_last_step" bigint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "staff_user" DROP COLUMN "totp_last_step"`);
  }
}
