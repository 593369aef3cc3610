import 'dotenv/config';
import { ConfigError, readConfig } from './config.js';
import { createLogger } from './logger.js';
import { createRelay } from './relay.js';

// Reads configuration, builds the relay, listens. Everything else lives in createRelay.
async function main(): Promise<void> {
  const config = readConfig(process.env);
  const logger = createLogger(config.logLevel);
  const relay = await createRelay({ config, logger });
  const url = await relay.listen();
  logger.info(
    { url, dataDir: config.dataDir, whatsapp: config.whatsapp.mode },
    config.whatsapp.mode === 'sandbox'
      ? `Toonbank relay on ${url} with the WhatsApp sandbox: customer phone at ${url}/sandbox`
      : `Toonbank relay on ${url}, connected to the WhatsApp Cloud API`,
  );
  const stop = (): void => {
    void relay.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
