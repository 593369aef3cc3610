/*
 * Where a write can be made to fail on purpose, so the tests can show what a full or failing disk
 * does to the relay (webhooks answered 503, nothing acknowledged lost, recovery by itself) without
 * filling a real disk. In production nothing is ever set.
 */
export interface DiskFaults {
  /** Throws the error the disk would give (ENOSPC, EIO, …), or returns to let the write happen. */
  beforeWrite(what: 'journal' | 'checkpoint'): void;
}

export const noDiskFaults: DiskFaults = { beforeWrite: () => undefined };
