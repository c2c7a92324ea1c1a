import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './server';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `npm run cli -- …` as an operator runs it beside `npm start`: same DATA_DIR, the embedded
 * server shared. `input` is what the operator types (a password the command reads from stdin).
 */
export function cli(args: string[], input = ''): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', DATA_DIR: process.env.VIGIE_E2E_DATA_DIR };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [join(REPO_ROOT, 'apps/api/dist/cli.js'), ...args], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}
