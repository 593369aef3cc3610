import { useEffect, useState, type KeyboardEvent } from 'react';
import { fillPlaceholders, type CannedReply } from '../../shared/domain/canned-reply.js';
import { selectMe } from '../accounts/accounts-state';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { selectLive } from '../inbox/sync-state';
import { loadCannedReplies } from './canned-replies-commands';
import { matchCannedReplies, selectCannedReplies, slashQueryAt } from './canned-replies-state';

export interface CannedReplyPicker {
  /** The replies offered for the `/query` before the caret; empty when none is being typed. */
  options: readonly CannedReply[];
  active: number;
  setActive: (index: number) => void;
  /** Handles ↑ ↓ Enter Tab Escape while the list is open; true when it did. */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  choose: (reply: CannedReply) => void;
}

/**
 * Typing `/` in the composer offers the canned replies, filtered as one types; choosing one
 * replaces `/query` with its text, the customer's and the agent's names filled in.
 */
export function useCannedReplyPicker({
  text,
  caret,
  customerName,
  onInsert,
}: {
  text: string;
  caret: number;
  customerName: string;
  onInsert: (text: string, caret: number) => void;
}): CannedReplyPicker {
  const link = useRelayLink();
  const live = useInbox(selectLive);
  const replies = useInbox(selectCannedReplies);
  const me = useInbox(selectMe);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<string | null>(null);

  // Asked at every (re)connect; changes arrive live in between.
  useEffect(() => {
    if (live) loadCannedReplies(link).catch(() => undefined);
  }, [link, live]);

  const slash = slashQueryAt(text, caret);
  const key = slash ? `${slash.start}:${slash.query}` : null;
  const options = slash && key !== dismissedAt ? matchCannedReplies(replies, slash.query) : [];
  const current = Math.min(active, Math.max(options.length - 1, 0));

  const choose = (reply: CannedReply) => {
    if (!slash) return;
    const filled = fillPlaceholders(reply.text, { customerName, agentName: me?.name ?? '' });
    const next = text.slice(0, slash.start) + filled + text.slice(caret);
    onInsert(next, slash.start + filled.length);
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (options.length === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + options.length) % options.length);
      return true;
    }
    if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      event.preventDefault();
      const reply = options[current];
      if (reply) choose(reply);
      return true;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      setDismissedAt(key);
      return true;
    }
    return false;
  };

  return { options, active: current, setActive, onKeyDown, choose };
}
