import type { Translate } from '../i18n/use-t';
import { RelayError } from '../../shared/client/relay-client.js';

/** A sentence for a person from whatever a command or request threw. */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof RelayError) {
    switch (error.code) {
      case 'FORBIDDEN':
        return t('errors.forbidden');
      case 'NOT_FOUND':
        return t('errors.notFound');
      case 'WINDOW_CLOSED':
        return t('errors.windowClosed');
      case 'RATE_LIMITED':
        return t('errors.rateLimited');
      default:
        // The relay's own message for the rest (e.g. what was wrong with the input).
        return error.message;
    }
  }
  return t('errors.generic', { message: error instanceof Error ? error.message : String(error) });
}
