import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerAppRequest, appFileHeaders, APP_INDEX_URL, contentTypeFor, resolveAppFile } from './app-files.js';

const dir = resolve('/opt/Toonbank/dist/renderer');

describe('resolveAppFile', () => {
  it('maps app://toonbank/ paths to files in the renderer folder', () => {
    expect(resolveAppFile(APP_INDEX_URL, dir)).toBe(join(dir, 'index.html'));
    expect(resolveAppFile('app://toonbank/', dir)).toBe(join(dir, 'index.html'));
    expect(resolveAppFile('app://toonbank', dir)).toBe(join(dir, 'index.html'));
    expect(resolveAppFile('app://toonbank/assets/index-abc.js?v=1#x', dir)).toBe(join(dir, 'assets', 'index-abc.js'));
    expect(resolveAppFile('app://toonbank/assets/caf%C3%A9.png', dir)).toBe(join(dir, 'assets', 'café.png'));
  });

  it('refuses other origins', () => {
    expect(resolveAppFile('app://other/index.html', dir)).toBeNull();
    expect(resolveAppFile('file:///opt/Toonbank/dist/renderer/index.html', dir)).toBeNull();
    expect(resolveAppFile('http://toonbank/index.html', dir)).toBeNull();
    expect(resolveAppFile('not a url', dir)).toBeNull();
  });

  it('never leaves the renderer folder', () => {
    for (const url of [
      'app://toonbank/../main/main.js',
      'app://toonbank/%2e%2e/main/main.js',
      'app://toonbank/assets/%2F..%2F..%2Fmain%2Fmain.js',
      'app://toonbank/..%2F..%2Fetc%2Fpasswd',
      'app://toonbank/..%5C..%5Cwindows%5Cwin.ini',
      'app://toonbank/index.html%00.png',
      'app://toonbank/%E0%A4%A',
    ]) {
      const file = resolveAppFile(url, dir);
      if (file !== null) expect(file.startsWith(`${dir}${sep}`)).toBe(true);
    }
    expect(resolveAppFile('app://toonbank/..%2F..%2Fetc%2Fpasswd', dir)).toBeNull();
    expect(resolveAppFile('app://toonbank/index.html%00.png', dir)).toBeNull();
    expect(resolveAppFile('app://toonbank/%E0%A4%A', dir)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('names the types a Vite build produces, so module scripts load', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/assets/index.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('appFileHeaders', () => {
  it('puts the CSP on documents and nosniff on everything', () => {
    expect(appFileHeaders('/x/index.html', "default-src 'none'")).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
    });
    expect(appFileHeaders('/x/a.js', "default-src 'none'")).toEqual({
      'content-type': 'text/javascript; charset=utf-8',
      'x-content-type-options': 'nosniff',
    });
  });
});

describe('answerAppRequest', () => {
  const files = new Map<string, string>([
    [join(dir, 'index.html'), '<!doctype html>'],
    [join(dir, 'assets', 'index.js'), 'export {}'],
  ]);
  const options = {
    rendererDir: dir,
    readFile: (file: string): Promise<Uint8Array> => {
      const text = files.get(file);
      return text === undefined
        ? Promise.reject(new Error(`ENOENT: ${file}`))
        : Promise.resolve(new TextEncoder().encode(text));
    },
    csp: () => Promise.resolve("default-src 'none'"),
  };

  it('serves the index page with its CSP, and assets with their type', async () => {
    const page = await answerAppRequest('GET', 'app://toonbank/', options);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe("default-src 'none'");
    expect(new TextDecoder().decode(page.body as Uint8Array)).toBe('<!doctype html>');
    const script = await answerAppRequest('GET', 'app://toonbank/assets/index.js', options);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a missing file or a path outside the folder, 405 for other methods', async () => {
    expect((await answerAppRequest('GET', 'app://toonbank/missing.js', options)).status).toBe(404);
    expect((await answerAppRequest('GET', 'app://toonbank/..%2F..%2Fetc%2Fpasswd', options)).status).toBe(404);
    expect((await answerAppRequest('GET', 'app://elsewhere/index.html', options)).status).toBe(404);
    expect((await answerAppRequest('POST', 'app://toonbank/index.html', options)).status).toBe(405);
  });
});
