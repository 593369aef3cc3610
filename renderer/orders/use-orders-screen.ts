import { useCallback, useEffect, useState } from 'react';

/* The orders view lives in the URL hash (`#/orders`), beside `#/c/<id>` for a conversation. */

const HASH = '#/orders';
const isOrders = () => window.location.hash === HASH;

export function useOrdersScreen(): { open: boolean; show: () => void; hide: () => void } {
  const [open, setOpen] = useState(isOrders);
  useEffect(() => {
    const sync = () => {
      setOpen(isOrders());
    };
    window.addEventListener('hashchange', sync);
    window.addEventListener('popstate', sync);
    return () => {
      window.removeEventListener('hashchange', sync);
      window.removeEventListener('popstate', sync);
    };
  }, []);
  const show = useCallback(() => {
    if (!isOrders()) window.history.pushState(null, '', HASH);
    setOpen(true);
  }, []);
  const hide = useCallback(() => {
    if (isOrders()) window.history.pushState(null, '', window.location.pathname + window.location.search);
    setOpen(false);
  }, []);
  return { open, show, hide };
}
