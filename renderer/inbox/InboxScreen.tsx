import { useEffect, useState } from 'react';
import type { Session } from '../app/session-storage';
import { InboxClient, type SessionEndReason } from './inbox-client';
import { InboxProvider } from './inbox-context';
import { InboxLayout } from './InboxLayout';

interface Props {
  relayUrl: string;
  session: Session;
  onSignOut: (reason: SessionEndReason | 'signedOut') => void;
}

/** Owns the relay connection for one signed-in session (the parent keys this by token). */
export function InboxScreen({ relayUrl, session, onSignOut }: Props) {
  const [client] = useState(() => new InboxClient(relayUrl, session.token, onSignOut));

  useEffect(() => {
    client.start();
    return () => {
      client.stop();
    };
  }, [client]);

  // The token's own expiry ends the session even if the relay has not said so yet.
  useEffect(() => {
    const remaining = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(
      () => {
        onSignOut('ended');
      },
      Math.min(Math.max(remaining, 0), 2_147_483_647),
    );
    return () => {
      clearTimeout(timer);
    };
  }, [session.expiresAt, onSignOut]);

  return (
    <InboxProvider client={client}>
      <InboxLayout
        session={session}
        onSignOut={() => {
          onSignOut('signedOut');
        }}
      />
    </InboxProvider>
  );
}
