import pino, { type Logger } from 'pino';

/** One structured logger for the relay; modules take a child with their name. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}
