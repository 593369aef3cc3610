import { randomUUID } from 'node:crypto';
import type { Agent } from '../../shared/domain/agent.js';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { Label } from '../../shared/domain/label.js';
import type { CreateLabelRequest, UpdateLabelRequest } from '../../shared/protocol/labels.js';
import { requireSupervisor } from '../accounts/authenticate.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import { canSee } from '../conversations/visibility.js';
import type { DomainEvents } from '../domain-events.js';
import { AppError, notFound } from '../kit/app-error.js';
import type { ConversationStore } from '../storage/conversation-store.js';
import type { TeamStore } from '../storage/team-store.js';

export interface LabelServiceDeps {
  team: TeamStore;
  store: ConversationStore;
  conversations: ConversationService;
  events: DomainEvents;
}

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Labels: supervisors make, rename, recolour and delete them; anyone labels a chat they can see. */
export class LabelService {
  constructor(private readonly deps: LabelServiceDeps) {}

  list(): Label[] {
    return this.deps.team.data.labels;
  }

  async create(agent: Agent, request: CreateLabelRequest): Promise<Label> {
    requireSupervisor(agent);
    const label = await this.deps.team.update((data) => {
      this.refuseTaken(data.labels, request.name);
      const created: Label = { id: randomUUID(), name: request.name.trim(), color: request.color.toLowerCase() };
      return { next: { ...data, labels: [...data.labels, created] }, result: created };
    });
    this.deps.events.publish({ type: 'label.changed', label });
    return label;
  }

  async update(agent: Agent, id: string, request: UpdateLabelRequest): Promise<Label> {
    requireSupervisor(agent);
    const label = await this.deps.team.update((data) => {
      const current = data.labels.find((l) => l.id === id);
      if (!current) throw notFound('Label');
      if (request.name !== undefined) this.refuseTaken(data.labels, request.name, id);
      const next: Label = {
        ...current,
        ...(request.name === undefined ? {} : { name: request.name.trim() }),
        ...(request.color === undefined ? {} : { color: request.color.toLowerCase() }),
      };
      return { next: { ...data, labels: data.labels.map((l) => (l.id === id ? next : l)) }, result: next };
    });
    this.deps.events.publish({ type: 'label.changed', label });
    return label;
  }

  /** Deletes the label and takes it off every conversation that carried it. */
  async remove(agent: Agent, id: string): Promise<void> {
    requireSupervisor(agent);
    await this.deps.team.update((data) => {
      if (!data.labels.some((l) => l.id === id)) throw notFound('Label');
      return { next: { ...data, labels: data.labels.filter((l) => l.id !== id) }, result: undefined };
    });
    this.deps.events.publish({ type: 'label.removed', id });
    for (const conversation of this.deps.store.list().filter((c) => c.labels.includes(id))) {
      const { before, after } = await this.deps.store.updateConversation(conversation.id, (c) =>
        c.labels.includes(id) ? { ...c, labels: c.labels.filter((l) => l !== id) } : c,
      );
      if (after !== before) this.deps.events.publish({ type: 'conversation.changed', conversation: after });
    }
  }

  /** Sets a conversation's labels, all of them; an unknown label id is refused whole. */
  async setConversationLabels(agent: Agent, id: string, labelIds: string[]): Promise<ConversationSummary> {
    this.deps.conversations.requireVisible(agent, id);
    const known = new Set(this.list().map((l) => l.id));
    const unknown = labelIds.filter((l) => !known.has(l));
    if (unknown.length > 0) throw new AppError('BAD_REQUEST', `No label with id ${unknown.join(', ')}`);
    const { before, after } = await this.deps.store.updateConversation(id, (c) => {
      if (!canSee(agent, c)) throw notFound('Conversation');
      return c.labels.length === labelIds.length && c.labels.every((l, i) => l === labelIds[i])
        ? c
        : { ...c, labels: labelIds };
    });
    if (after !== before) this.deps.events.publish({ type: 'conversation.changed', conversation: after });
    return after;
  }

  private refuseTaken(labels: readonly Label[], name: string, except?: string): void {
    if (labels.some((l) => l.id !== except && sameName(l.name, name))) {
      throw new AppError('CONFLICT', `A label named ${name.trim()} exists already`);
    }
  }
}
