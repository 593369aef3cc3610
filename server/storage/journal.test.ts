import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from './journal.js';

describe('Journal', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'toonbank-journal-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('replays every acknowledged commit in order, across segments, until they are dropped', async () => {
    const { journal } = await Journal.open(dir);
    await journal.commit({ n: 1 });
    const sealed = await journal.rotate();
    await Promise.all([journal.commit({ n: 2 }), journal.commit({ n: 3 })]);
    await journal.close();
    const { journal: again, replay } = await Journal.open(dir);
    expect(replay.flatMap((s) => s.commits)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    await again.drop(sealed);
    await again.close();
    const { journal: third, replay: rest } = await Journal.open(dir);
    expect(rest.flatMap((s) => s.commits)).toEqual([{ n: 2 }, { n: 3 }]);
    await third.close();
    expect((await readdir(dir)).length).toBe(3);
  });

  it('writes commits that arrive together with one fsync', async () => {
    const { journal } = await Journal.open(dir);
    await journal.commit({ warm: true });
    const flushes = journal.stats.flushes;
    await Promise.all(Array.from({ length: 100 }, (_, n) => journal.commit({ n })));
    expect(journal.stats.commits).toBe(101);
    expect(journal.stats.flushes - flushes).toBeLessThanOrEqual(2);
    await journal.close();
  });

  it('refuses commits once closed', async () => {
    const { journal } = await Journal.open(dir);
    await journal.close();
    await expect(journal.commit({ late: true })).rejects.toThrow('closed');
  });
});
