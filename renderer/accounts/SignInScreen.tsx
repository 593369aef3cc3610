import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useEffect, useState, type SubmitEvent } from 'react';
import { userLocale } from '../i18n';
import { prepareListFormats } from '../i18n/format';
import { useT } from '../i18n/use-t';
import { login, RelayError } from '../../shared/client/relay-client.js';
import type { Session } from '../app/session-storage';
import { IconMessage } from '../ui/icons';
import classes from './SignInScreen.module.css';

export type SignInNotice = 'sessionEnded' | 'signedOut';

interface Props {
  relayUrl: string;
  notice: SignInNotice | null;
  onSignedIn: (session: Session) => void;
}

export function SignInScreen({ relayUrl, notice, onSignedIn }: Props) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The inbox comes next: its date formats are ready by then.
  useEffect(() => {
    const idle = requestIdleCallback(() => {
      prepareListFormats(userLocale());
    });
    return () => {
      cancelIdleCallback(idle);
    };
  }, []);

  function explain(failure: unknown): string {
    if (failure instanceof RelayError) {
      if (failure.code === 'UNAUTHORIZED') return t('signIn.wrongCredentials');
      if (failure.code === 'BAD_REQUEST') return t('signIn.invalidInput');
      return t('signIn.failed', { message: failure.message });
    }
    // fetch throws a TypeError when nothing answers at that address.
    return t('signIn.unreachable', { url: relayUrl });
  }

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await login(relayUrl, email.trim(), password));
    } catch (failure) {
      setError(explain(failure));
      setBusy(false);
    }
  }

  return (
    <Center className={classes.backdrop}>
      <Paper component="main" className={classes.card} withBorder shadow="sm" radius="lg" p="xl">
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack gap="md">
            <Stack gap={6} align="center" ta="center">
              <ThemeIcon size={44} radius="xl" variant="light">
                <IconMessage size={24} />
              </ThemeIcon>
              <Text fw={700} size="lg" c="lagoon.8">
                {t('app.name')}
              </Text>
              <Title order={1} size="h3">
                {t('signIn.title')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('signIn.subtitle')}
              </Text>
            </Stack>
            {notice && !error ? (
              <Alert variant="light" color={notice === 'sessionEnded' ? 'yellow' : 'gray'} role="status">
                {t(notice === 'sessionEnded' ? 'signIn.sessionEnded' : 'signIn.signedOut')}
              </Alert>
            ) : null}
            {error ? (
              <Alert variant="light" color="red" role="alert">
                {error}
              </Alert>
            ) : null}
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(event) => {
                setEmail(event.currentTarget.value);
              }}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => {
                setPassword(event.currentTarget.value);
              }}
              visibilityToggleButtonProps={{ 'aria-label': t('signIn.reveal') }}
            />
            <Button type="submit" fullWidth loading={busy}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
