import { useCallback, useEffect, useState } from 'react';

/*
 * A screen that lives in the URL hash (`#/orders`, `#/floor`, beside `#/c/<id>` for a
 * conversation): open while the hash is `hash`, so the browser's back button closes it.
 */
export function useHashScreen(hash: `#/${string}`): { open: boolean; show: () => void; hide: () => void } {
  const isOpen = useCallback(() => window.location.hash === hash, [hash]);
  const [open, setOpen] = useState(isOpen);
  useEffect(() => {
    const sync = () => {
      setOpen(isOpen());
    };
    window.addEventListener('hashchange', sync);
    window.addEventListener('popstate', sync);
    return () => {
      window.removeEventListener('hashchange', sync);
      window.removeEventListener('popstate', sync);
    };
  }, [isOpen]);
  const show = useCallback(() => {
    if (!isOpen()) window.history.pushState(null, '', hash);
    setOpen(true);
  }, [hash, isOpen]);
  const hide = useCallback(() => {
    if (isOpen()) window.history.pushState(null, '', window.location.pathname + window.location.search);
    setOpen(false);
  }, [isOpen]);
  return { open, show, hide };
}
