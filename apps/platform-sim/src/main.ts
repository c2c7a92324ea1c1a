import { loadSimulatorConfig, type SimulatorConfig, SimulatorConfigError } from './config';
import { createSimulatorServer } from './server';

function main(): void {
  let config: SimulatorConfig;
  try {
    config = loadSimulatorConfig();
  } catch (error) {
    if (!(error instanceof SimulatorConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }

  const server = createSimulatorServer({ config });
  server.on('error', (error) => {
    process.stderr.write(`Platform simulator: cannot listen on ${config.host}:${config.port}: ${error.message}\n`);
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    process.stdout.write(
      `Platform simulator on http://${config.host}:${port} — reports go to Vigie at ${config.vigieUrl}, ` +
        `signed with the secret from ${config.intakeSecretSource}.\n`,
    );
  });

  // Let a report in flight reach Vigie and its answer the page, then stop; cut what lingers after 5 s.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`Platform simulator: ${signal}, stopping.\n`);
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, 5_000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main();
