import { Alert, Center, Loader, MantineProvider, Stack, Text } from '@mantine/core';
import { startTransition, useCallback, useEffect, useState } from 'react';
import { logout } from '../../shared/client/relay-client.js';
import { SignInScreen, type SignInNotice } from '../accounts/SignInScreen';
import { InboxClient, type SessionEndReason } from '../inbox/inbox-client';
import { InboxScreen } from '../inbox/InboxScreen';
import { useT } from '../i18n/use-t';
import { resolveRelayUrl } from './relay-url';
import { clearSession, loadSession, saveSession, type Session } from './session-storage';
import { theme } from './theme';

type RelayUrlState = { kind: 'resolving' } | { kind: 'ready'; url: string } | { kind: 'failed' };

/** A signed-in session and its connection to the relay. */
interface Inbox {
  session: Session;
  client: InboxClient;
}

function Root() {
  const t = useT();
  const [relay, setRelay] = useState<RelayUrlState>({ kind: 'resolving' });
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [notice, setNotice] = useState<SignInNotice | null>(null);

  const ended = useCallback((reason: SessionEndReason | 'signedOut') => {
    clearSession();
    // The open conversation (in the hash) belonged to that session.
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    setInbox(null);
    setNotice(reason === 'signedOut' ? 'signedOut' : 'sessionEnded');
  }, []);

  useEffect(() => {
    resolveRelayUrl().then(
      (url) => {
        // A session kept from before a reload opens its inbox straight away.
        const kept = loadSession();
        if (kept) setInbox({ session: kept, client: new InboxClient(url, kept.token, ended) });
        setRelay({ kind: 'ready', url });
      },
      () => {
        setRelay({ kind: 'failed' });
      },
    );
  }, [ended]);

  const signedIn = useCallback(
    (session: Session) => {
      if (relay.kind !== 'ready') return;
      saveSession(session);
      // Connect now rather than once the inbox has rendered: the sync is the long part of sign-in.
      const client = new InboxClient(relay.url, session.token, ended);
      client.start();
      // The inbox's first render yields to the connection's events, so the sync is asked for at once.
      startTransition(() => {
        setNotice(null);
        setInbox({ session, client });
      });
    },
    [relay, ended],
  );

  const signOut = useCallback(
    (reason: SessionEndReason | 'signedOut') => {
      // Best effort: the token is forgotten here either way; the relay ends it for every device it reached.
      if (reason === 'signedOut' && inbox && relay.kind === 'ready') {
        void logout(relay.url, inbox.session.token).catch(() => undefined);
      }
      ended(reason);
    },
    [relay, inbox, ended],
  );

  if (relay.kind === 'resolving') {
    return (
      <Center h="100%">
        <Stack align="center" gap="sm">
          <Loader size="sm" />
          <Text c="dimmed" size="sm">
            {t('app.loading')}
          </Text>
        </Stack>
      </Center>
    );
  }
  if (relay.kind === 'failed') {
    return (
      <Center h="100%" p="md">
        <Alert color="red" maw={480}>
          {t('app.relayUnavailable')}
        </Alert>
      </Center>
    );
  }
  if (!inbox) return <SignInScreen relayUrl={relay.url} notice={notice} onSignedIn={signedIn} />;
  return <InboxScreen key={inbox.session.token} client={inbox.client} session={inbox.session} onSignOut={signOut} />;
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Root />
    </MantineProvider>
  );
}
