import { useEffect, useState } from 'react';
import {
  isServiceWindowOpen,
  serviceWindowEndsAt,
  type ConversationSummary,
} from '../../shared/domain/conversation.js';

/** Longest delay setTimeout accepts. */
const MAX_DELAY = 2_147_483_647;

/**
 * Whether WhatsApp's 24-hour window is open right now, re-evaluated by a timer set for the
 * moment it closes, so the composer locks while the screen stays open.
 */
export function useServiceWindow(conversation: Pick<ConversationSummary, 'lastInboundAt'>): {
  open: boolean;
  endsAt: number | null;
  now: number;
} {
  const [now, setNow] = useState(() => Date.now());
  const endsAt = serviceWindowEndsAt(conversation);

  useEffect(() => {
    // Tick each minute (for the "closes at" hint) and exactly when the window closes.
    const tick = () => {
      setNow(Date.now());
    };
    const minutes = setInterval(tick, 60_000);
    const untilClose = endsAt === null ? -1 : endsAt - Date.now();
    const closing = untilClose >= 0 ? setTimeout(tick, Math.min(untilClose + 50, MAX_DELAY)) : undefined;
    return () => {
      clearInterval(minutes);
      clearTimeout(closing);
    };
  }, [endsAt]);

  return { open: isServiceWindowOpen(conversation, now), endsAt, now };
}
