import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { SERVICE_WINDOW_MS } from '../../shared/domain/conversation.js';

/*
 * When each customer last wrote, for the 24-hour customer-service window. WhatsApp remembers it when
 * the shop's relay restarts, so the sandbox keeps it in `DATA_DIR/sandbox-windows.json` (its phone
 * threads still start empty: the relay owns the history). Without a data folder it is memory only.
 */

const WindowsFileSchema = z.record(z.string().max(32), z.number().int().nonnegative());

/** Writes wait this long, so a burst of customer messages is one small write. */
const SAVE_AFTER_MS = 250;

export class ServiceWindows {
  private readonly lastWrote = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly path: string | null,
    private readonly now: () => number,
  ) {
    if (path === null) return;
    try {
      const parsed = WindowsFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      // An unreadable file is a training tool's loss, not a reason to refuse to start.
      if (parsed.success) for (const [waId, at] of Object.entries(parsed.data)) this.lastWrote.set(waId, at);
    } catch {
      // No file yet.
    }
  }

  lastCustomerMessageAt(waId: string): number | null {
    return this.lastWrote.get(waId) ?? null;
  }

  customerWrote(waId: string, at: number): void {
    this.lastWrote.set(waId, at);
    if (this.path === null || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save();
    }, SAVE_AFTER_MS);
    this.timer.unref();
  }

  /** Writes what is not saved yet (the relay's close). */
  close(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.save();
  }

  /** Closed windows are dropped; the file is replaced whole, never left half-written. */
  private save(): void {
    if (this.path === null) return;
    const open = this.now() - SERVICE_WINDOW_MS;
    for (const [waId, at] of this.lastWrote) if (at <= open) this.lastWrote.delete(waId);
    try {
      writeFileSync(`${this.path}.tmp`, JSON.stringify(Object.fromEntries(this.lastWrote)));
      renameSync(`${this.path}.tmp`, this.path);
    } catch {
      // A full disk: the windows stay in memory and the next message tries again.
    }
  }
}
