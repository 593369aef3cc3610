import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Agent } from '../../shared/domain/agent.js';
import { AccountService } from '../../server/accounts/account-service.js';
import { PresenceTracker } from '../../server/accounts/presence.js';
import { AssignmentService } from '../../server/assignment/assignment-service.js';
import { ConversationService } from '../../server/conversations/conversation-service.js';
import { createDomainEvents, type DomainEvent } from '../../server/domain-events.js';
import { WorkflowService } from '../../server/workflow/workflow-service.js';
import { MessageService } from '../../server/messages/message-service.js';
import { StatusTracker } from '../../server/messages/status-tracker.js';
import { AccountsStore } from '../../server/storage/accounts-store.js';
import { ConversationStore } from '../../server/storage/conversation-store.js';
import { migrateDataDir } from '../../server/storage/data-format.js';

/*
 * The relay's services wired as createRelay wires them, on real files in a temporary folder, with
 * the domain events recorded and WhatsApp's read receipts noted: for unit tests of the services'
 * rules without HTTP or sockets.
 */

export interface Services {
  dataDir: string;
  clock: { now: number };
  events: DomainEvent[];
  receipts: string[];
  store: ConversationStore;
  accounts: AccountService;
  conversations: ConversationService;
  messages: MessageService;
  statuses: StatusTracker;
  assignment: AssignmentService;
  workflow: WorkflowService;
  supervisor: Agent;
  agent(name: string): Promise<Agent>;
  close(): Promise<void>;
}

export async function startServices(): Promise<Services> {
  const logger = pino({ level: 'silent' });
  const dataDir = await mkdtemp(join(tmpdir(), 'toonbank-services-'));
  await migrateDataDir(dataDir, logger);
  const clock = { now: Date.parse('2026-11-24T10:00:00.000Z') };
  const now = () => clock.now;
  const recorded: DomainEvent[] = [];
  const receipts: string[] = [];
  const events = createDomainEvents(logger);
  events.subscribe((event) => recorded.push(event));
  const store = await ConversationStore.open(dataDir, { logger, checkpointEveryMs: 60_000 });
  const accounts = new AccountService({
    accounts: await AccountsStore.open(dataDir),
    events,
    presence: new PresenceTracker(1_000),
    now,
  });
  const conversations = new ConversationService({
    store,
    events,
    receipts: { markRead: (wamid) => receipts.push(wamid) },
    now,
  });
  const workflow = new WorkflowService({ store, conversations, events, now, tickMs: 60_000 });
  const messages = new MessageService({ store, conversations, workflow, events, now });
  const statuses = new StatusTracker({ store, events, now, logger });
  const assignment = new AssignmentService({ store, conversations, accounts, events, now });
  const supervisor = await accounts.createAgent({
    name: 'Sam',
    email: 'sam@shop.test',
    password: 'supervisor pw',
    role: 'supervisor',
  });
  return {
    dataDir,
    clock,
    events: recorded,
    receipts,
    store,
    accounts,
    conversations,
    messages,
    statuses,
    assignment,
    workflow,
    supervisor,
    agent: (name) =>
      accounts.createAgent({
        name,
        email: `${name.toLowerCase()}@shop.test`,
        password: 'agent password',
        role: 'agent',
      }),
    async close() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A customer known by phone, as most are. */
export const customer = (waId: string, name: string) => ({ waId, userId: null, username: null, name });

let wamids = 0;
/** A customer's text as the WhatsApp adapter hands it to MessageService.receiveInbound. */
export const customerText = (text: string, at: number, waMessageId = `wamid.unit${++wamids}`) => ({
  type: 'text' as const,
  text,
  waMessageId,
  sentAt: at,
});
