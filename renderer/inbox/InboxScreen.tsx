import { useEffect } from 'react';
import type { Session } from '../app/session-storage';
import type { InboxClient, SessionEndReason } from './inbox-client';
import { InboxProvider } from './inbox-context';
import { InboxLayout } from './InboxLayout';
import { startOutbox } from '../outbox/outbox-commands';

interface Props {
  client: InboxClient;
  session: Session;
  onSignOut: (reason: SessionEndReason | 'signedOut') => void;
}

/** The inbox of one signed-in session, over its relay connection (the parent keys this by token). */
export function InboxScreen({ client, session, onSignOut }: Props) {
  // Usually connecting already (sign-in starts it at once); this keeps it open while shown.
  useEffect(() => {
    client.start();
    return () => {
      client.stop();
    };
  }, [client]);

  // Replies left unsent last time come back and go out once the relay is reachable.
  useEffect(() => startOutbox(client, session.agent.id), [client, session.agent.id]);

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
    <InboxProvider link={client}>
      <InboxLayout
        session={session}
        onSignOut={() => {
          onSignOut('signedOut');
        }}
      />
    </InboxProvider>
  );
}
