import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseUrl, describeInBrowser } from './support/browser';
import { cli } from './support/cli';
import { demoAccount } from './support/session';

// Not a browser journey, but it needs the running product, which the browser set-up starts.
describeInBrowser('the register from the command line', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-checkpoint-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('signs a checkpoint, verifies the register against it, and exits 1 for a forged one', async () => {
    // At least one entry: a moderator knocking on a case that does not exist is recorded too.
    const moderator = demoAccount('moderator');
    const login = await fetch(`${baseUrl()}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: moderator.email, password: moderator.password }),
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const knock = await fetch(`${baseUrl()}/api/v1/cases/${randomUUID()}/access`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ justification: 'Vérification du registre en ligne de commande.', reportIds: [randomUUID()] }),
    });
    expect(knock.status).toBe(404);

    const file = join(dir, 'checkpoint.json');
    const signed = await cli(['audit:checkpoint', '--out', file]);
    expect(signed).toMatchObject({ code: 0 });
    const checkpoint = JSON.parse(readFileSync(file, 'utf8')) as { sequence: number; headHash: string };
    expect(checkpoint.sequence).toBeGreaterThan(0);

    const verified = await cli(['audit:verify', '--checkpoint', file]);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ intact: true });

    const forged = join(dir, 'forged.json');
    writeFileSync(forged, JSON.stringify({ ...checkpoint, headHash: 'f'.repeat(64) }));
    const refused = await cli(['audit:verify', '--checkpoint', forged]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ intact: false, firstBroken: { problem: 'checkpoint_signature_invalid' } });
  });
});
