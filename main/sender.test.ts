import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_ROOT as root } from './app-files.js';
import { checkSender, type SenderVerdict } from './sender.js';

const trusted = new Set([3]);

function reasonOf(verdict: SenderVerdict): string {
  return verdict.ok ? '(accepted)' : verdict.reason;
}

describe('checkSender', () => {
  it('accepts the top frame of our window showing an app page', () => {
    expect(
      checkSender({ webContentsId: 3, frame: { url: `${APP_INDEX_URL}#/inbox`, isTopFrame: true } }, trusted, root),
    ).toEqual({
      ok: true,
    });
  });

  it('refuses a webContents the app did not create', () => {
    const verdict = checkSender({ webContentsId: 4, frame: { url: APP_INDEX_URL, isTopFrame: true } }, trusted, root);
    expect(reasonOf(verdict)).toContain('not one of the app');
  });

  it('refuses a sub-frame, even one showing an app page', () => {
    const verdict = checkSender({ webContentsId: 3, frame: { url: APP_INDEX_URL, isTopFrame: false } }, trusted, root);
    expect(reasonOf(verdict)).toContain('sub-frame');
  });

  it('refuses our window once it shows something else', () => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'about:blank', 'app://evil/index.html']) {
      expect(checkSender({ webContentsId: 3, frame: { url, isTopFrame: true } }, trusted, root).ok).toBe(false);
    }
  });

  it('refuses a frame that is gone', () => {
    expect(checkSender({ webContentsId: 3, frame: null }, trusted, root).ok).toBe(false);
  });
});
