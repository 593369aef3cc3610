import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp.js';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('allows scripts only from the app files, with no inline script or eval', () => {
    const policy = directives(contentSecurityPolicy('http://127.0.0.1:4000'));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('lets the page reach the relay over http and WebSocket, and nothing else', () => {
    const policy = directives(contentSecurityPolicy('http://127.0.0.1:4000/some/path'));
    expect(policy.get('connect-src')).toEqual(['http://127.0.0.1:4000', 'ws://127.0.0.1:4000']);
  });

  it('uses wss for an https relay and keeps the default port implicit', () => {
    const policy = directives(contentSecurityPolicy('https://relay.example.be'));
    expect(policy.get('connect-src')).toEqual(['https://relay.example.be', 'wss://relay.example.be']);
  });

  it('lets the page connect nowhere when the relay URL could not be read', () => {
    expect(directives(contentSecurityPolicy(null)).get('connect-src')).toEqual(["'none'"]);
  });

  it('throws on something that is not a URL rather than emitting a broken policy', () => {
    expect(() => contentSecurityPolicy('not a url')).toThrow();
  });
});
