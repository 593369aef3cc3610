import { createHmac } from 'node:crypto';

/** `X-Hub-Signature-256`: the relay's own signing, so the sandbox and the adapter cannot disagree. */
export { signPayload as signatureOf } from '../whatsapp/signature.js';

/** The legacy `X-Hub-Signature` (SHA-1) Meta still sends beside the SHA-256 one. */
export function legacySignatureOf(appSecret: string, rawBody: string | Buffer): string {
  return `sha1=${createHmac('sha1', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * Serialises a payload the way Meta does: every non-ASCII character as a `\uXXXX` escape, so a
 * receiver that hashes re-serialised JSON instead of the raw bytes gets a different signature.
 */
export function serialiseLikeMeta(payload: unknown): string {
  return JSON.stringify(payload).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
