import { useEffect, useState } from 'react';
import type { Floor } from '../../shared/protocol/floor.js';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { selectLive } from '../inbox/sync-state';
import { loadFloor } from './floor-commands';

/** Refetched at most this often when conversations or agents change, and at least this often anyway. */
const AFTER_CHANGE_MS = 2_000;
const EVERY_MS = 15_000;

/** The floor, kept current: fetched when shown, again after changes to conversations or agents. */
export function useFloor(): { floor: Floor | null; error: string | null } {
  const link = useRelayLink();
  const live = useInbox(selectLive);
  const conversations = useInbox((s) => s.conversations);
  const accounts = useInbox((s) => s.accounts);
  const [floor, setFloor] = useState<Floor | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!live) return;
    let stopped = false;
    const fetchNow = () => {
      loadFloor(link)
        .then((next) => {
          if (!stopped) {
            setFloor(next);
            setError(null);
          }
        })
        .catch((failure: unknown) => {
          if (!stopped) setError((failure as Error).message);
        });
    };
    const soon = setTimeout(fetchNow, floor === null ? 0 : AFTER_CHANGE_MS);
    const every = setInterval(fetchNow, EVERY_MS);
    return () => {
      stopped = true;
      clearTimeout(soon);
      clearInterval(every);
    };
    // Changes to the list or the agents are the reason to fetch again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [link, live, conversations, accounts]);

  return { floor, error };
}
