import { command, connectRelay, listen, RelayError, type RelaySocket } from '../../shared/client/relay-client.js';
import type { Message } from '../../shared/domain/message.js';
import { createStore, type Store } from '../app/store';
import { inboxReducer, initialInboxState, type InboxAction, type InboxState } from './inbox-state';
import { LOCAL_ID_PREFIX } from './thread-merge';

/*
 * The inbox's one connection to the relay. On every connect (the first and each reconnect)
 * it asks for a fresh snapshot and replaces its state: that is the catch-up after any
 * disconnect or relay restart. Live events patch the state in between.
 */

export type InboxStore = Store<InboxState, InboxAction>;
export type SessionEndReason = 'ended' | 'unauthorized';

const HISTORY_PAGE = 50;
const RETRY_MS = 3000;

function isUnauthorized(error: Error & { data?: unknown }): boolean {
  const data = error.data as { code?: unknown } | undefined;
  return data?.code === 'UNAUTHORIZED' || /unauthori[sz]ed|invalid token|expired/i.test(error.message);
}

export class InboxClient {
  readonly store: InboxStore = createStore(inboxReducer, initialInboxState);
  private socket: RelaySocket | null = null;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly onSessionEnd: (reason: SessionEndReason) => void,
  ) {}

  /** Connects; safe to call again after `stop()` (React mounts effects twice in development). */
  start(): void {
    if (this.socket) return;
    const socket = connectRelay(this.baseUrl, this.token);
    this.socket = socket;
    const dispatch = (action: InboxAction) => {
      this.store.dispatch(action);
    };
    socket.on('connect', () => {
      dispatch({ type: 'connection', state: 'connected' });
      void this.sync(socket);
    });
    socket.on('disconnect', (reason) => {
      dispatch({ type: 'connection', state: 'reconnecting' });
      // The relay closed this socket on purpose: try again; a dead session is refused at the handshake.
      if (reason === 'io server disconnect') this.later(() => socket.connect());
    });
    socket.on('connect_error', (error) => {
      if (isUnauthorized(error)) {
        this.end('unauthorized');
        return;
      }
      dispatch({ type: 'connection', state: this.store.getState().synced ? 'reconnecting' : 'connecting' });
      // A refusal by the relay's middleware is not retried by Socket.IO itself.
      if (!socket.active) this.later(() => socket.connect());
    });
    listen(socket, 'conversation:upsert', (conversation) => {
      dispatch({ type: 'conversation:upsert', conversation });
    });
    listen(socket, 'conversation:remove', ({ id }) => {
      dispatch({ type: 'conversation:remove', id });
    });
    listen(socket, 'message:new', (event) => {
      dispatch({ type: 'message:new', ...event });
    });
    listen(socket, 'message:update', (event) => {
      dispatch({ type: 'message:update', ...event });
    });
    listen(socket, 'session:end', () => {
      this.end('ended');
    });
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
  }

  private end(reason: SessionEndReason): void {
    if (!this.socket) return;
    this.stop();
    this.onSessionEnd(reason);
  }

  private later(fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.socket) fn();
    }, RETRY_MS);
    this.timers.add(timer);
  }

  private connected(): RelaySocket {
    if (!this.socket) throw new RelayError('INTERNAL', 'Not connected to the relay');
    return this.socket;
  }

  private async sync(socket: RelaySocket): Promise<void> {
    try {
      const snapshot = await command(socket, 'inbox:sync');
      if (this.socket !== socket) return;
      this.store.dispatch({ type: 'snapshot', snapshot });
    } catch (error) {
      if (error instanceof RelayError && error.code === 'UNAUTHORIZED') this.end('unauthorized');
      else if (socket.connected) this.later(() => void this.sync(socket));
    }
  }

  /** Fetches the latest page of a conversation: on first open, and again after a resync. */
  async loadLatest(conversationId: string): Promise<void> {
    this.store.dispatch({ type: 'thread:loading', conversationId, older: false });
    try {
      const page = await command(this.connected(), 'conversation:history', { conversationId, limit: HISTORY_PAGE });
      this.store.dispatch({ type: 'thread:loaded', conversationId, older: false, ...page });
    } catch (error) {
      this.store.dispatch({ type: 'thread:failed', conversationId, older: false, error: (error as Error).message });
    }
  }

  /** Fetches the page before the oldest loaded message. */
  async loadOlder(conversationId: string): Promise<void> {
    const thread = this.store.getState().threads.get(conversationId);
    const oldest = thread?.messages.find((m) => !m.id.startsWith(LOCAL_ID_PREFIX));
    if (!thread || !oldest || !thread.hasMore || thread.loadingOlder) return;
    this.store.dispatch({ type: 'thread:loading', conversationId, older: true });
    try {
      const page = await command(this.connected(), 'conversation:history', {
        conversationId,
        before: oldest.id,
        limit: HISTORY_PAGE,
      });
      this.store.dispatch({ type: 'thread:loaded', conversationId, older: true, ...page });
    } catch (error) {
      this.store.dispatch({ type: 'thread:failed', conversationId, older: true, error: (error as Error).message });
    }
  }

  /**
   * Sends a text. It shows at once as a local "sending" message, replaced by the relay's own
   * copy (matched by clientId) when that arrives, so it is never shown twice.
   */
  async send(conversationId: string, text: string): Promise<void> {
    const me = this.store.getState().me;
    const clientId = crypto.randomUUID();
    const now = new Date().toISOString();
    const local: Message = {
      id: `${LOCAL_ID_PREFIX}${clientId}`,
      conversationId,
      // No place in the conversation until the relay stores it; local messages sort last.
      seq: Number.MAX_SAFE_INTEGER,
      direction: 'out',
      type: 'text',
      text,
      status: 'pending',
      waMessageId: null,
      authorId: me?.id ?? null,
      createdAt: now,
      updatedAt: now,
      clientId,
    };
    this.store.dispatch({ type: 'message:upsert', conversationId, message: local });
    try {
      const { message } = await command(this.connected(), 'message:send', { conversationId, text, clientId });
      this.store.dispatch({ type: 'message:upsert', conversationId, message });
    } catch (error) {
      this.store.dispatch({ type: 'message:discard', conversationId, messageId: local.id });
      throw error;
    }
  }

  async assign(conversationId: string, agentId: string | null): Promise<void> {
    const { conversation } = await command(this.connected(), 'conversation:assign', { conversationId, agentId });
    this.store.dispatch({ type: 'conversation:upsert', conversation, ifKnown: true });
  }

  async markRead(conversationId: string): Promise<void> {
    const { conversation } = await command(this.connected(), 'conversation:markRead', { conversationId });
    this.store.dispatch({ type: 'conversation:upsert', conversation, ifKnown: true });
  }
}
