import { useCallback, useLayoutEffect, useRef, type FocusEvent, type RefObject } from 'react';

const ATTRIBUTE = 'data-conversation-id';

/**
 * Rows are keyed by their conversation's activity, so a conversation that moves to the top is a
 * new element; a keyboard user who had it focused keeps the focus on it. Returns the list's
 * focus handlers; the rows carry `data-conversation-id`.
 */
export function useKeepFocus(container: RefObject<HTMLElement | null>) {
  const focused = useRef<{ id: string; element: HTMLElement } | null>(null);

  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const id = event.target.closest(`[${ATTRIBUTE}]`)?.getAttribute(ATTRIBUTE);
    focused.current = id ? { id, element: event.target } : null;
  }, []);

  const onBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    // Focus moved somewhere on purpose (a removed element has nowhere to send it).
    if (event.relatedTarget !== null) focused.current = null;
  }, []);

  // After every render of the list: nothing to do unless the focused row was just replaced.
  useLayoutEffect(() => {
    const last = focused.current;
    if (!last || last.element.isConnected) return;
    focused.current = null;
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    const row = container.current?.querySelector(`[${ATTRIBUTE}="${CSS.escape(last.id)}"]`);
    if (row instanceof HTMLElement) row.focus({ preventScroll: true });
  });

  return { onFocus, onBlur };
}
