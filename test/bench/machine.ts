import { readFileSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { cpus, freemem, loadavg, release, tmpdir, totalmem, type as osType } from 'node:os';
import { createRequire } from 'node:module';

/** What the figures were measured on, printed above them and saved beside them. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  os: string;
  memoryGiB: number;
  freeMemoryGiB: number;
  loadAverage1m: number;
  node: string;
  tmpdir: string;
  tmpdirFilesystem: string;
  versions: Record<string, string>;
}

/** statfs magic numbers of the filesystems a tmp folder is likely on. */
const FILESYSTEMS: Record<number, string> = {
  0xef53: 'ext4/ext3',
  0x58465342: 'xfs',
  0x9123683e: 'btrfs',
  0x01021994: "tmpfs (RAM: fsync costs nothing, the storage figures are not a disk's)",
  0x794c7630: 'overlayfs',
  0x2fc12fc1: 'zfs',
};

const require = createRequire(import.meta.url);
function versionOf(pkg: string): string {
  try {
    const path = require.resolve(`${pkg}/package.json`);
    return (JSON.parse(readFileSync(path, 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

export async function describeMachine(): Promise<Machine> {
  const list = cpus();
  const fs = await statfs(tmpdir()).catch(() => null);
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    os: `${osType()} ${release()}`,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 2 ** 30) * 10) / 10,
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    node: process.version,
    tmpdir: tmpdir(),
    tmpdirFilesystem: fs ? (FILESYSTEMS[fs.type] ?? `type 0x${fs.type.toString(16)}`) : 'unknown',
    versions: {
      'socket.io': versionOf('socket.io'),
      'socket.io-client': versionOf('socket.io-client'),
      '@playwright/test': versionOf('@playwright/test'),
      react: versionOf('react'),
    },
  };
}
