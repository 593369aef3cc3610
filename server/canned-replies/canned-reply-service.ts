import { randomUUID } from 'node:crypto';
import type { Agent } from '../../shared/domain/agent.js';
import type { CannedReply } from '../../shared/domain/canned-reply.js';
import { requireSupervisor } from '../accounts/authenticate.js';
import type { DomainEvents } from '../domain-events.js';
import { AppError, notFound } from '../kit/app-error.js';
import type { RecordFile } from '../storage/record-file.js';

const byShortcut = (a: CannedReply, b: CannedReply): number => a.shortcut.localeCompare(b.shortcut);
const sameShortcut = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The shop's canned replies: everyone reads them, supervisors write them; shortcuts are unique. */
export class CannedReplyService {
  constructor(private readonly deps: { file: RecordFile<CannedReply>; events: DomainEvents }) {}

  list(): CannedReply[] {
    return [...this.deps.file.all()].sort(byShortcut);
  }

  async create(agent: Agent, input: Omit<CannedReply, 'id'>): Promise<CannedReply> {
    requireSupervisor(agent);
    const created: CannedReply = { id: randomUUID(), ...input };
    await this.deps.file.update((records) => {
      this.checkFree(records, input.shortcut, null);
      return { records: [...records, created], result: undefined };
    });
    this.announce();
    return created;
  }

  async update(agent: Agent, id: string, patch: Partial<Omit<CannedReply, 'id'>>): Promise<CannedReply> {
    requireSupervisor(agent);
    const updated = await this.deps.file.update((records) => {
      const current = records.find((r) => r.id === id);
      if (!current) throw notFound('Canned reply');
      if (patch.shortcut !== undefined) this.checkFree(records, patch.shortcut, id);
      const next: CannedReply = { ...current, ...patch };
      return { records: records.map((r) => (r.id === id ? next : r)), result: next };
    });
    this.announce();
    return updated;
  }

  async remove(agent: Agent, id: string): Promise<void> {
    requireSupervisor(agent);
    await this.deps.file.update((records) => {
      if (!records.some((r) => r.id === id)) throw notFound('Canned reply');
      return { records: records.filter((r) => r.id !== id), result: undefined };
    });
    this.announce();
  }

  private checkFree(records: readonly CannedReply[], shortcut: string, exceptId: string | null): void {
    if (records.some((r) => r.id !== exceptId && sameShortcut(r.shortcut, shortcut))) {
      throw new AppError('CONFLICT', `The shortcut /${shortcut} is taken`);
    }
  }

  private announce(): void {
    this.deps.events.publish({ type: 'cannedReplies.changed', cannedReplies: this.list() });
  }
}
