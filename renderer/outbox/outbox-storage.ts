import { z } from 'zod';
import { OutboxEntrySchema, type OutboxEntry } from './outbox-state';

/*
 * The outbox survives a reload and a restart of the app: it lives in localStorage, one key per
 * signed-in agent (two colleagues on one machine never send each other's words).
 */

const keyOf = (agentId: string): string => `toonbank.outbox.${agentId}`;

export function readOutbox(agentId: string): OutboxEntry[] {
  try {
    const raw = localStorage.getItem(keyOf(agentId));
    if (raw === null) return [];
    const parsed = z.array(OutboxEntrySchema).safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function writeOutbox(agentId: string, entries: readonly OutboxEntry[]): void {
  try {
    if (entries.length === 0) localStorage.removeItem(keyOf(agentId));
    else localStorage.setItem(keyOf(agentId), JSON.stringify(entries));
  } catch {
    // Storage full or refused: the outbox still works for as long as the app stays open.
  }
}
