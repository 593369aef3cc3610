import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { serialiseLikeMeta, signatureOf } from './signature.js';

// The signature itself is the relay's signPayload, tested with Meta's vectors in server/whatsapp.
describe('webhook signing', () => {
  it('serialises non-ASCII text as \\u escapes, as Meta signs it', () => {
    const raw = serialiseLikeMeta({ text: { body: 'Dag äöå 😀' } });
    expect(raw).toBe('{"text":{"body":"Dag \\u00e4\\u00f6\\u00e5 \\ud83d\\ude00"}}');
    expect(JSON.parse(raw)).toEqual({ text: { body: 'Dag äöå 😀' } });
    // The signature covers the escaped bytes, not a re-serialisation of the parsed object.
    const expected = createHmac('sha256', 'k').update(raw).digest('hex');
    expect(signatureOf('k', raw)).toBe(`sha256=${expected}`);
    expect(signatureOf('k', JSON.stringify(JSON.parse(raw)))).not.toBe(`sha256=${expected}`);
  });
});
