import pino from 'pino';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirInUseError } from './db/embedded.ts';
import { startRuntime } from './runtime.ts';

/** `npm start`: configuration → database → migrations → roles; stops cleanly on SIGINT/SIGTERM. */
async function main() {
  const config = loadConfig();
  const logger = pino({
    level: config.logLevel,
    serializers: {
      // Non-browser stream clients may authenticate with ?token=; it must never reach a log.
      req: (request: { method: string; url: string; ip?: string }) => ({
        method: request.method,
        url: redactSecrets(request.url),
        remoteAddress: request.ip,
      }),
    },
  });
  const runtime = await startRuntime(config, logger);
  if (runtime.url) logger.info(`Frontline is ready at ${runtime.url} (API docs: ${runtime.url}/api/docs)`);

  let isStopping = false;
  const shutdown = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    logger.info(`${signal} received: finishing requests in flight and stopping`);
    const forceExit = setTimeout(() => {
      logger.error('shutdown took longer than 30 s; exiting');
      process.exit(1);
    }, 30_000);
    forceExit.unref();
    try {
      await runtime.stop();
      logger.info('stopped cleanly');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

function redactSecrets(url: string) {
  return url.replace(/([?&](?:token|visitorToken)=)[^&]*/g, '$1[redacted]');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Frontline could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
