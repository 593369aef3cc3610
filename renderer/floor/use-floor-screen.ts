import { useCallback, useEffect, useState } from 'react';

/* The supervisor's floor lives in the URL hash (`#/floor`), beside `#/orders` and `#/c/<id>`. */

const HASH = '#/floor';
const isFloor = () => window.location.hash === HASH;

export function useFloorScreen(): { open: boolean; show: () => void; hide: () => void } {
  const [open, setOpen] = useState(isFloor);
  useEffect(() => {
    const sync = () => {
      setOpen(isFloor());
    };
    window.addEventListener('hashchange', sync);
    window.addEventListener('popstate', sync);
    return () => {
      window.removeEventListener('hashchange', sync);
      window.removeEventListener('popstate', sync);
    };
  }, []);
  const show = useCallback(() => {
    if (!isFloor()) window.history.pushState(null, '', HASH);
    setOpen(true);
  }, []);
  const hide = useCallback(() => {
    if (isFloor()) window.history.pushState(null, '', window.location.pathname + window.location.search);
    setOpen(false);
  }, []);
  return { open, show, hide };
}
