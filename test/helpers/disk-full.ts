import type { DiskFaults } from '../../server/storage/disk-faults.js';

/** A disk that can be made to refuse every write with ENOSPC, and to take them again. */
export class SimulatedDisk implements DiskFaults {
  full = false;

  beforeWrite(what: string): void {
    if (!this.full) return;
    throw Object.assign(new Error(`ENOSPC: no space left on device, write (${what})`), { code: 'ENOSPC' });
  }
}
