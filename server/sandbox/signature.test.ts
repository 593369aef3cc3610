import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { serialiseLikeMeta, signatureOf } from './signature.js';

describe('webhook signing', () => {
  it('matches the reference test vectors', () => {
    expect(signatureOf('secret', 'test')).toBe(
      'sha256=0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914',
    );
    expect(signatureOf('app-secret', '{"object":"whatsapp_business_account","entry":[]}')).toBe(
      'sha256=d3e4f9da0ce6c71ab3dba55929b8eeeee2455349e534924ead19f98d143e904f',
    );
  });

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
