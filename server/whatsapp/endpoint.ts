import { randomBytes } from 'node:crypto';
import type { WhatsAppConfig } from '../config.js';

/** The sandbox's stand-in numbers: a Cloud API phone number id and the shop's display number. */
export const SANDBOX_PHONE_NUMBER_ID = '100000000000001';
export const SANDBOX_DISPLAY_NUMBER = '15550001234';

/** What the adapter needs to talk to WhatsApp, whichever WhatsApp it is. */
export interface WhatsAppEndpoint {
  sandbox: boolean;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  phoneNumberId: string;
  /** The Graph API base URL; a function because the sandbox's is known only once the relay listens. */
  apiUrl: () => string;
}

const secret = (bytes: number): string => randomBytes(bytes).toString('base64url');

/**
 * The configured Cloud API, or the built-in sandbox with secrets made fresh at each start: the same
 * adapter code runs against both, only these values differ.
 */
export function whatsappEndpoint(config: WhatsAppConfig, relayUrl: () => string): WhatsAppEndpoint {
  if (config.mode === 'cloud') {
    const { apiUrl, accessToken, appSecret, verifyToken, phoneNumberId } = config;
    return { sandbox: false, accessToken, appSecret, verifyToken, phoneNumberId, apiUrl: () => apiUrl };
  }
  return {
    sandbox: true,
    accessToken: secret(24),
    appSecret: secret(24),
    verifyToken: secret(12),
    phoneNumberId: SANDBOX_PHONE_NUMBER_ID,
    apiUrl: () => `${relayUrl()}/sandbox/graph`,
  };
}
