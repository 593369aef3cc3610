import { useCallback, useEffect, useState } from 'react';
import type { Customer, CustomerMessageInput, PhoneMessage } from '../../shared/protocol/sandbox.js';
import { listen, type PhoneClient } from './phone-client';

export interface ThreadState {
  messages: PhoneMessage[];
  typing: boolean;
  connected: boolean;
  /** Why the last action failed, for the alert above the composer. */
  error: string | null;
  send: (input: CustomerMessageInput) => Promise<boolean>;
  dismissError: () => void;
}

function upsert(list: PhoneMessage[], message: PhoneMessage): PhoneMessage[] {
  const index = list.findIndex((m) => m.id === message.id);
  if (index === -1) return [...list, message];
  const next = list.slice();
  next[index] = message;
  return next;
}

/**
 * Becomes the customer's phone while mounted: opens the chat (again after every reconnect), keeps
 * the thread live, and tells the sandbox whether the chat is on screen so the shop's messages are
 * read only when a person could see them.
 */
export function useThread(client: PhoneClient, customer: Customer): ThreadState {
  const [messages, setMessages] = useState<PhoneMessage[]>([]);
  const [typing, setTyping] = useState(false);
  const [connected, setConnected] = useState(client.socket.connected);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const { socket } = client;
    let active = true;
    const visible = () => document.visibilityState === 'visible';
    const open = async () => {
      try {
        const thread = await client.open(customer);
        if (!active) return;
        setMessages(thread.messages);
        setError(null);
        await client.visibility(visible());
      } catch (reason) {
        if (active) setError((reason as Error).message);
      }
    };
    const onMessage = (message: PhoneMessage) => {
      setMessages((list) => upsert(list, message));
      if (message.from === 'shop') setTyping(false);
    };
    const onTyping = ({ typing: on }: { typing: boolean }) => setTyping(on);
    const onConnect = () => {
      setConnected(true);
      void open();
    };
    const onDisconnect = () => setConnected(false);
    const onVisibility = () => void client.visibility(visible()).catch(() => undefined);

    const stopMessages = listen(socket, 'message:upsert', onMessage);
    const stopTyping = listen(socket, 'shop:typing', onTyping);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    document.addEventListener('visibilitychange', onVisibility);
    if (socket.connected) void open();
    return () => {
      active = false;
      stopMessages();
      stopTyping();
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      document.removeEventListener('visibilitychange', onVisibility);
      void client.close().catch(() => undefined);
      setMessages([]);
      setTyping(false);
    };
  }, [client, customer]);

  const send = useCallback(
    async (input: CustomerMessageInput) => {
      try {
        const message = await client.send(input);
        setMessages((list) => upsert(list, message));
        return true;
      } catch (reason) {
        setError((reason as Error).message);
        return false;
      }
    },
    [client],
  );

  return { messages, typing, connected, error, send, dismissError: useCallback(() => setError(null), []) };
}
