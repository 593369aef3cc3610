import { z } from 'zod';

/** The arguments of the IPC channels in ipc.ts, parsed in main before any handler runs. */
export const RelayUrlSchema = z.url({ protocol: /^https?$/ });
