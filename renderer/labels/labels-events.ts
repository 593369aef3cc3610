import { command, listen, type RelaySocket } from '../../shared/client/relay-client.js';
import type { EventContext } from '../inbox/inbox-store';

export function bindLabelEvents(socket: RelaySocket, { dispatch }: EventContext): void {
  // At every (re)connect, like the sync: whatever changed meanwhile is caught up.
  socket.on('connect', () => {
    void Promise.all([command(socket, 'labels:list'), command(socket, 'settings:get')]).then(
      ([{ labels }, { settings }]) => {
        dispatch({ type: 'labels:loaded', labels, settings });
      },
      () => undefined, // the next connect tries again
    );
  });
  listen(socket, 'label:upsert', (event) => {
    dispatch({ type: 'label:upsert', event });
  });
  listen(socket, 'label:remove', (event) => {
    dispatch({ type: 'label:remove', event });
  });
  listen(socket, 'settings:update', (event) => {
    dispatch({ type: 'settings:update', event });
  });
}
