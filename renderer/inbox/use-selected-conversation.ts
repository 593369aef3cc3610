import { useCallback, useEffect, useState } from 'react';

/*
 * The open conversation lives in the URL hash (`#/c/<id>`, or `#/c/<id>/m/<messageId>` to show one
 * of its messages: a search hit, the start of an earlier conversation), so a reload reopens it and
 * the browser's back button returns to the list on narrow windows. Works under file:// too.
 */

export interface Selection {
  conversationId: string;
  /** A message to scroll to and mark. */
  messageId: string | null;
}

function readHash(): Selection | null {
  const match = /^#\/c\/([^/]+)(?:\/m\/([^/]+))?$/.exec(window.location.hash);
  if (!match?.[1]) return null;
  return { conversationId: decodeURIComponent(match[1]), messageId: match[2] ? decodeURIComponent(match[2]) : null };
}

function hashOf(selection: Selection): string {
  const conversation = `#/c/${encodeURIComponent(selection.conversationId)}`;
  return selection.messageId === null ? conversation : `${conversation}/m/${encodeURIComponent(selection.messageId)}`;
}

export type Select = (conversationId: string | null, messageId?: string) => void;

export function useSelectedConversation(): [Selection | null, Select] {
  const [selected, setSelected] = useState<Selection | null>(readHash);

  useEffect(() => {
    const sync = () => {
      setSelected(readHash());
    };
    window.addEventListener('hashchange', sync);
    window.addEventListener('popstate', sync);
    return () => {
      window.removeEventListener('hashchange', sync);
      window.removeEventListener('popstate', sync);
    };
  }, []);

  const select = useCallback<Select>((conversationId, messageId) => {
    const next = conversationId === null ? null : { conversationId, messageId: messageId ?? null };
    const url = next === null ? window.location.pathname + window.location.search : hashOf(next);
    if (next !== null && url === window.location.hash) return;
    if (next === null && readHash() === null) return;
    window.history.pushState(null, '', url);
    setSelected(next);
  }, []);

  return [selected, select];
}
