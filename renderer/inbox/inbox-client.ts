import { command, connectRelay, RelayError, type RelaySocket } from '../../shared/client/relay-client.js';
import { createInboxStore, eventBindings, type InboxStore, type SessionEndReason } from './inbox-store';
import type { RelayLink } from './relay-link';

/*
 * The inbox's one connection to the relay, and the sync. On every connect (the first and each
 * reconnect) it asks for a fresh snapshot and replaces the state with it: that is the catch-up
 * after any disconnect or relay restart. Between syncs, each feature's event bindings patch its
 * slice, and its commands go out over `socket()`.
 */

export type { SessionEndReason };

const RETRY_MS = 3000;

function isUnauthorized(error: Error & { data?: unknown }): boolean {
  const data = error.data as { code?: unknown } | undefined;
  return data?.code === 'UNAUTHORIZED' || /unauthori[sz]ed|invalid token|expired/i.test(error.message);
}

export class InboxClient implements RelayLink {
  readonly store: InboxStore = createInboxStore();
  private current: RelaySocket | null = null;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  /** Counts snapshots applied: pages of an older one are dropped. */
  private syncs = 0;

  readonly rest: { baseUrl: string; token: string };

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly onSessionEnd: (reason: SessionEndReason) => void,
  ) {
    this.rest = { baseUrl, token };
  }

  /** Connects; safe to call again, and after `stop()` (React mounts effects twice in development). */
  start(): void {
    if (this.current) return;
    const socket = connectRelay(this.baseUrl, this.token);
    this.current = socket;
    const { dispatch } = this.store;
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
      dispatch({ type: 'connection', state: this.store.getState().sync.synced ? 'reconnecting' : 'connecting' });
      // A refusal by the relay's middleware is not retried by Socket.IO itself.
      if (!socket.active) this.later(() => socket.connect());
    });
    const context = {
      dispatch,
      endSession: (reason: SessionEndReason) => {
        this.end(reason);
      },
      resync: () => {
        void this.sync(socket);
      },
      getState: () => this.store.getState(),
    };
    for (const bind of eventBindings) bind(socket, context);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const socket = this.current;
    this.current = null;
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
  }

  socket(): RelaySocket {
    if (!this.current) throw new RelayError('INTERNAL', 'Not connected to the relay');
    return this.current;
  }

  private end(reason: SessionEndReason): void {
    if (!this.current) return;
    this.stop();
    this.onSessionEnd(reason);
  }

  private later(fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.current) fn();
    }, RETRY_MS);
    this.timers.add(timer);
  }

  private async sync(socket: RelaySocket): Promise<void> {
    try {
      const snapshot = await command(socket, 'inbox:sync');
      if (this.current !== socket) return;
      const generation = ++this.syncs;
      this.store.dispatch({ type: 'inbox:synced', snapshot });
      // The first screen is shown; the rest of the list follows, unless a newer sync took over.
      let more = snapshot.more;
      while (more !== null && this.current === socket && generation === this.syncs) {
        const page = await command(socket, 'inbox:page', { after: more });
        if (this.current !== socket || generation !== this.syncs) return;
        this.store.dispatch({ type: 'inbox:page', conversations: page.conversations });
        more = page.more;
      }
    } catch (error) {
      if (error instanceof RelayError && error.code === 'UNAUTHORIZED') this.end('unauthorized');
      else if (socket.connected) this.later(() => void this.sync(socket));
    }
  }
}
