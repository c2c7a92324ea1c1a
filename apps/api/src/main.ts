import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap/create-app';
import { ConfigError, loadConfig } from './config/config';
import { openDatabase, type Database } from './database/database-url';
import { ALERT_WEBHOOK_SECRET } from './alerts/alert-webhook';
import { seedDemoReports } from './demo/demo-reports';
import type { WebhookSecret } from './outbox/webhook-secret';
import { createDemoStaff, describeDemoStaff } from './demo/demo-staff';
import { IntakeService } from './intake/intake.service';
import { INTAKE_SECRETS, type IntakeSecrets } from './intake/intake-secrets';
import { REGISTER_SIGNING_KEY, type RegisterSigningKey } from './register/register-signing-key';
import { StaffService } from './staff/staff.service';

async function main(): Promise<void> {
  const config = loadConfig();
  // Migrated as the schema owner; the API then logs in as its own, restricted login.
  const database = await openDatabase(config, {
    whenRunning: 'adopt',
    onLog: (line) => process.stderr.write(`${line}\n`),
  });
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    app = await createApp({ config, databaseUrl: database.url });
    const logger = new Logger('Main');
    if (database.applied.length > 0) logger.log(`Applied migrations: ${database.applied.join(', ')}`);
    if (database.embedded && config.NODE_ENV !== 'production') {
      const staff = app.get(StaffService);
      if ((await staff.count()) === 0) {
        const accounts = await createDemoStaff(staff);
        const reports = await seedDemoReports(app.get(IntakeService), new Date());
        process.stdout.write(describeDemoStaff(accounts, config.MFA_REQUIRED_ROLES));
        process.stdout.write(`Demo data: ${reports} reports from the last four years, sent through intake.\n\n`);
      }
    }
    const intake = app.get<IntakeSecrets>(INTAKE_SECRETS);
    if (intake.generatedFile) {
      process.stdout.write(
        `Intake: the platform signs its requests with the HMAC secret in ${intake.generatedFile}` +
          ` (generated for development; set INTAKE_HMAC_SECRETS in production):\n  ${intake.secrets[0]}\n\n`,
      );
    }
    const signingKey = app.get<RegisterSigningKey>(REGISTER_SIGNING_KEY);
    if (signingKey.generatedFile) {
      process.stdout.write(
        `Access register: checkpoints are signed with the Ed25519 key generated in ${signingKey.generatedFile}` +
          ` (set REGISTER_SIGNING_KEY_FILE in production, and keep a copy of the public key with the DPO).\n\n`,
      );
    }
    const alertSecret = app.get<WebhookSecret>(ALERT_WEBHOOK_SECRET);
    if (alertSecret.generatedFile) {
      process.stdout.write(
        `Alerts: deliveries to ALERT_WEBHOOK_URL are signed with the HMAC secret in ${alertSecret.generatedFile}` +
          ` (generated for development; set ALERT_WEBHOOK_SECRET in production).\n\n`,
      );
    }
    await app.listen({ port: config.PORT, host: config.HOST });
    stopOnSignals(app, database);
    const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
    logger.log(
      `Vigie is ready at ${url} (API ${url}/api/v1, docs ${url}/api/docs) on ${
        database.embedded ? `an embedded PostgreSQL (data in ${config.DATA_DIR})` : 'DATABASE_URL'
      }`,
    );
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.embedded?.stop().catch(() => undefined);
    throw error;
  }
}

/** SIGINT/SIGTERM: finish the requests in flight, close the pool, then stop the embedded server. */
function stopOnSignals(app: { close(): Promise<void> }, database: Database): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    new Logger('Main').log(`${signal} received, shutting down`);
    void app
      .close()
      .then(() => database.embedded?.stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`Shutdown failed: ${String(error)}\n`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Vigie could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
