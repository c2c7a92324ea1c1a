import { ownerQuery } from "../../test/owner-query";
import { createOwnDatabase } from "../../test/test-database";
import { walkChain } from "../common/hash-chain";
import { journalHash } from "../journal/staff-activity-chain";
import { createDataSource } from "./data-source";
import { runMigrations } from "./migrate";

describe("the staff journal migration", () => {
  let db: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    db = await createOwnDatabase("vigie_journal_migr");
  });
  afterAll(() => db?.drop());

  it("chains the entries written before the journal was a chain, oldest first", async () => {
    const dataSource = createDataSource(db.url, { poolSize: 2 });
    await dataSource.initialize();
    try {
      // Back to the schema just before the journal's migration: undo it and every later one.
      const last = async () => Number((await dataSource.query(`SELECT max(timestamp) AS t FROM typeorm_migrations`))[0].t);
      while ((await last()) >= 1764187200000) await dataSource.undoLastMigration();
      await ownerQuery(
        `INSERT INTO staff_user (id, email, name, roles, password_hash, created_at, updated_at)
           VALUES ('00000000-0000-4000-8000-0000000000aa', 'old@vigie.test', 'Old', '{admin}', 'x', now(), now());
         INSERT INTO staff_activity (at, event, actor_id, subject_id, ip, user_agent, details) VALUES
           ('2026-11-20T10:00:00.123456Z', 'login.succeeded', '00000000-0000-4000-8000-0000000000aa', '00000000-0000-4000-8000-0000000000aa', '::ffff:127.0.0.1', 'Firefox', '{}'),
           ('2026-11-20T09:00:00Z', 'staff.created', NULL, '00000000-0000-4000-8000-0000000000aa', NULL, NULL, '{"roles": ["admin"], "by": {"z": 1, "a": 2}}'),
           ('2026-11-20T11:00:00Z', 'login.failed', NULL, NULL, '2001:DB8::1', 'curl/8 « x »', '{"cause": "unknown_account"}')`,
        [],
        db.url,
      );
      // Before it, the application's role could rewrite or erase the journal: the insider's edit succeeds.
      await ownerQuery(`SET ROLE vigie_app; UPDATE staff_activity SET details = '{"cause": "nothing to see"}' WHERE event = 'login.failed'`, [], db.url);
      await ownerQuery(`SET ROLE vigie_app; DELETE FROM staff_activity WHERE event = 'login.failed' AND ip IS NULL`, [], db.url);
      await runMigrations(dataSource);
      // After it, the same statements are refused.
      await expect(ownerQuery(`SET ROLE vigie_app; UPDATE staff_activity SET details = '{}'`, [], db.url)).rejects.toThrow(/permission denied/);
      await expect(ownerQuery(`SET ROLE vigie_app; DELETE FROM staff_activity`, [], db.url)).rejects.toThrow(/permission denied/);
    } finally {
      await dataSource.destroy();
    }
    const rows = await ownerQuery<{ sequence: string; event: string }>(
      `SELECT sequence::text AS sequence, event FROM staff_activity ORDER BY sequence`,
      [],
      db.url,
    );
    expect(rows.map((r) => [r.sequence, r.event])).toEqual([
      ["1", "staff.created"],
      ["2", "login.succeeded"],
      ["3", "login.failed"],
    ]);
    // Read back as verification reads it: the chain holds.
    const links = await ownerQuery<{
      format: string;
      sequence: string;
      at: string;
      event: string;
      actorId: string | null;
      subjectId: string | null;
      ip: string | null;
      userAgent: string | null;
      details: unknown;
      prevHash: string;
      hash: string;
    }>(
      `SELECT format, sequence::text AS sequence, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, event, actor_id::text AS "actorId",
              subject_id::text AS "subjectId", host(ip) AS ip, user_agent AS "userAgent", details, prev_hash AS "prevHash", hash
         FROM staff_activity ORDER BY sequence`,
      [],
      db.url,
    );
    const walk = await walkChain(
      (async function* () {
        yield links;
      })(),
      { heads: new Map(), rehash: (link) => journalHash(link.prevHash, link) },
    );
    expect(walk).toMatchObject({ entriesChecked: 3, headSequence: 3 });
    expect(walk.firstBroken).toBeUndefined();
  });
});
