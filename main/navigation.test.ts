import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_ROOT } from './app-files.js';
import { decideNavigation, decideWindowOpen, isAppUrl, isExternalWebUrl, isPermissionAllowed } from './navigation.js';

describe('isAppUrl', () => {
  it('accepts the app pages, with a query or a hash', () => {
    expect(isAppUrl(APP_INDEX_URL, APP_ROOT)).toBe(true);
    expect(isAppUrl(`${APP_INDEX_URL}#/inbox/42`, APP_ROOT)).toBe(true);
    expect(isAppUrl('app://toonbank/sandbox.html?x=1', APP_ROOT)).toBe(true);
    expect(isAppUrl('app://toonbank/assets/index-abc.js', APP_ROOT)).toBe(true);
    expect(isAppUrl('app://toonbank', APP_ROOT)).toBe(true);
  });

  it('refuses other hosts and schemes', () => {
    expect(isAppUrl('app://toonbank.evil/index.html', APP_ROOT)).toBe(false);
    expect(isAppUrl('app://evil/index.html', APP_ROOT)).toBe(false);
    expect(isAppUrl('file:///index.html', APP_ROOT)).toBe(false);
    expect(isAppUrl('http://toonbank/index.html', APP_ROOT)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:4000/', APP_ROOT)).toBe(false);
    expect(isAppUrl('not a url', APP_ROOT)).toBe(false);
    expect(isAppUrl('', APP_ROOT)).toBe(false);
  });

  it('keeps a file root to its folder, even through dot segments or encoded dots', () => {
    const root = new URL('file:///opt/Toonbank/dist/renderer/');
    expect(isAppUrl('file:///opt/Toonbank/dist/renderer/index.html', root)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', root)).toBe(false);
    expect(isAppUrl(`${root.href}../main/main.js`, root)).toBe(false);
    expect(isAppUrl(`${root.href}%2e%2e/main/main.js`, root)).toBe(false);
    expect(isAppUrl('file:///opt/Toonbank/dist/renderer-evil/index.html', root)).toBe(false);
  });
});

describe('isExternalWebUrl', () => {
  it('is true for http and https only', () => {
    expect(isExternalWebUrl('https://www.mollie.com/checkout/x')).toBe(true);
    expect(isExternalWebUrl('http://example.com')).toBe(true);
    expect(isExternalWebUrl('file:///etc/passwd')).toBe(false);
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false);
    expect(isExternalWebUrl('smb://share/x')).toBe(false);
    expect(isExternalWebUrl('toonbank://chat/1')).toBe(false);
    expect(isExternalWebUrl('nonsense')).toBe(false);
  });
});

describe('decideNavigation', () => {
  it('lets the app move between its own pages', () => {
    expect(decideNavigation('app://toonbank/sandbox.html', APP_ROOT)).toBe('allow');
  });
  it('sends web links to the OS browser instead of navigating the window', () => {
    expect(decideNavigation('https://wa.me/32470123456', APP_ROOT)).toBe('open-externally');
  });
  it('blocks everything else', () => {
    expect(decideNavigation('file:///home/someone/.ssh/id_ed25519', APP_ROOT)).toBe('block');
    expect(decideNavigation('data:text/html,<script>1</script>', APP_ROOT)).toBe('block');
  });
});

describe('decideWindowOpen', () => {
  it('never opens an app window: web links go out, the rest is blocked', () => {
    expect(decideWindowOpen('https://example.com/')).toBe('open-externally');
    expect(decideWindowOpen(APP_INDEX_URL)).toBe('block');
    expect(decideWindowOpen('about:blank')).toBe('block');
  });
});

describe('isPermissionAllowed', () => {
  it('denies web permissions by default', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'unknown']) {
      expect(isPermissionAllowed(permission)).toBe(false);
    }
  });
});
