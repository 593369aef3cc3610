import { Alert, Center, Loader, MantineProvider, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { logout } from '../../shared/client/relay-client.js';
import { useT } from '../i18n/use-t';
import { SignInScreen, type SignInNotice } from '../auth/SignInScreen';
import { InboxScreen } from '../inbox/InboxScreen';
import type { SessionEndReason } from '../inbox/inbox-client';
import { resolveRelayUrl } from './relay-url';
import { clearSession, loadSession, saveSession, type Session } from './session-storage';
import { theme } from './theme';

type RelayUrlState = { kind: 'resolving' } | { kind: 'ready'; url: string } | { kind: 'failed' };

function Root() {
  const t = useT();
  const [relay, setRelay] = useState<RelayUrlState>({ kind: 'resolving' });
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [notice, setNotice] = useState<SignInNotice | null>(null);

  useEffect(() => {
    resolveRelayUrl().then(
      (url) => {
        setRelay({ kind: 'ready', url });
      },
      () => {
        setRelay({ kind: 'failed' });
      },
    );
  }, []);

  const signedIn = useCallback((next: Session) => {
    saveSession(next);
    setNotice(null);
    setSession(next);
  }, []);

  const signOut = useCallback(
    (reason: SessionEndReason | 'signedOut') => {
      const ending = loadSession();
      // Best effort: the token is forgotten here either way; the relay ends it for every device it reached.
      if (reason === 'signedOut' && ending && relay.kind === 'ready') {
        void logout(relay.url, ending.token).catch(() => undefined);
      }
      clearSession();
      // The open conversation (in the hash) belonged to that session.
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
      setSession(null);
      setNotice(reason === 'signedOut' ? 'signedOut' : 'sessionEnded');
    },
    [relay],
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
  if (!session) return <SignInScreen relayUrl={relay.url} notice={notice} onSignedIn={signedIn} />;
  return <InboxScreen key={session.token} relayUrl={relay.url} session={session} onSignOut={signOut} />;
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Root />
    </MantineProvider>
  );
}
