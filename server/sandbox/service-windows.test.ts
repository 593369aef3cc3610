import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVICE_WINDOW_MS } from '../../shared/domain/conversation.js';
import { ServiceWindows } from './service-windows.js';

describe('ServiceWindows', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps when each customer last wrote across a restart, in a real file, and forgets closed windows', async () => {
    dir = await mkdtemp(join(tmpdir(), 'toonbank-windows-'));
    const path = join(dir, 'sandbox-windows.json');
    const clock = { now: Date.parse('2026-12-01T10:00:00Z') };
    const before = new ServiceWindows(path, () => clock.now);
    before.customerWrote('32470111111', clock.now - SERVICE_WINDOW_MS - 1);
    before.customerWrote('32470222222', clock.now - 60_000);
    before.close();
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ '32470222222': clock.now - 60_000 });

    const after = new ServiceWindows(path, () => clock.now);
    expect(after.lastCustomerMessageAt('32470222222')).toBe(clock.now - 60_000);
    expect(after.lastCustomerMessageAt('32470111111')).toBeNull();
  });

  it('starts empty from a missing or unreadable file, and keeps nothing without a folder', async () => {
    dir = await mkdtemp(join(tmpdir(), 'toonbank-windows-'));
    const path = join(dir, 'sandbox-windows.json');
    expect(new ServiceWindows(path, Date.now).lastCustomerMessageAt('32470222222')).toBeNull();
    await writeFile(path, '{not json');
    expect(new ServiceWindows(path, Date.now).lastCustomerMessageAt('32470222222')).toBeNull();
    const memory = new ServiceWindows(null, Date.now);
    memory.customerWrote('32470222222', 5);
    memory.close();
    expect(memory.lastCustomerMessageAt('32470222222')).toBe(5);
  });
});
