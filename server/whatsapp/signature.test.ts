import { describe, expect, it } from 'vitest';
import { isValidSignature, signPayload } from './signature.js';

describe('X-Hub-Signature-256', () => {
  it("matches Meta's test vectors", () => {
    expect(signPayload('secret', 'test')).toBe(
      'sha256=0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914',
    );
    expect(signPayload('app-secret', '{"object":"whatsapp_business_account","entry":[]}')).toBe(
      'sha256=d3e4f9da0ce6c71ab3dba55929b8eeeee2455349e534924ead19f98d143e904f',
    );
  });

  it('accepts only the exact bytes with the right secret', () => {
    const body = Buffer.from('{"a":"\\u00e4"}');
    const header = signPayload('s3cret', body);
    expect(isValidSignature('s3cret', body, header)).toBe(true);
    expect(isValidSignature('other', body, header)).toBe(false);
    expect(isValidSignature('s3cret', Buffer.from('{"a":"ä"}'), header)).toBe(false);
    expect(isValidSignature('s3cret', body, undefined)).toBe(false);
    expect(isValidSignature('s3cret', body, header.slice(0, -1))).toBe(false);
    expect(isValidSignature('s3cret', body, header.replace('sha256=', 'sha1='))).toBe(false);
  });
});
