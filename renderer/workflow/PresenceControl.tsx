import { NativeSelect } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { selectMe } from '../accounts/accounts-state';
import { useT } from '../i18n/use-t';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { setPresence } from './workflow-commands';

/** After this long without a key or a mouse move the app says the agent is away. */
const AWAY_AFTER_MS = 10 * 60 * 1000;

/**
 * The agent's presence in the top bar: online or away by hand. The app also sets away after
 * inactivity, and back to online at the next activity, unless away was chosen by hand.
 */
export function PresenceControl() {
  const t = useT();
  const link = useRelayLink();
  const me = useInbox(selectMe);
  const presence = me?.presence ?? 'offline';
  const autoAway = useRef(false);
  const chosenAway = useRef(false);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (chosenAway.current) return;
        autoAway.current = true;
        setPresence(link, 'away').catch(() => undefined);
      }, AWAY_AFTER_MS);
    };
    const active = () => {
      if (autoAway.current) {
        autoAway.current = false;
        setPresence(link, 'online').catch(() => undefined);
      }
      arm();
    };
    arm();
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, active, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of events) window.removeEventListener(name, active);
    };
  }, [link]);

  return (
    <NativeSelect
      size="xs"
      aria-label={t('presence.label')}
      value={presence === 'offline' ? 'online' : presence}
      data={[
        { value: 'online', label: `● ${t('presence.online')}` },
        { value: 'away', label: `◐ ${t('presence.away')}` },
      ]}
      data-presence={presence}
      w={110}
      onChange={(event) => {
        const status = event.currentTarget.value === 'away' ? 'away' : 'online';
        chosenAway.current = status === 'away';
        autoAway.current = false;
        setPresence(link, status).catch(() => undefined);
      }}
    />
  );
}
