import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';

/** pino-pretty is a development dependency: used when a person watches a terminal and it is installed. */
function prettyTransport(): pino.TransportSingleOptions | undefined {
  if (!process.stdout.isTTY || process.env['LOG_FORMAT'] === 'json') return undefined;
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
  } catch {
    return undefined;
  }
  return { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } };
}

/** One structured logger for the relay (JSON lines, or readable lines in a terminal); modules take a child. */
export function createLogger(level: string): Logger {
  const transport = prettyTransport();
  return pino({
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    ...(transport ? { transport } : {}),
  });
}
