import { useCallback, useEffect, useState } from 'react';

/*
 * The open conversation lives in the URL hash (`#/c/<id>`), so a reload reopens it and the
 * browser's back button returns to the list on narrow windows. Works under file:// too.
 */

function readHash(): string | null {
  const match = /^#\/c\/(.+)$/.exec(window.location.hash);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

export function useSelectedConversation(): [string | null, (id: string | null) => void] {
  const [selected, setSelected] = useState<string | null>(readHash);

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

  const select = useCallback((id: string | null) => {
    if (id === readHash()) return;
    const url = id === null ? window.location.pathname + window.location.search : `#/c/${encodeURIComponent(id)}`;
    window.history.pushState(null, '', url);
    setSelected(id);
  }, []);

  return [selected, select];
}
