import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { initPhoneI18n } from './i18n';
import { PhoneApp } from './PhoneApp';
import { PhoneClient } from './phone-client';
import { phoneTheme } from './theme';

// One connection for the page's lifetime, made outside React so StrictMode cannot double it.
const client = new PhoneClient();
const i18n = initPhoneI18n();
document.documentElement.lang = i18n.language;

const root = document.getElementById('root');
if (!root) throw new Error('sandbox.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={phoneTheme}>
        <PhoneApp client={client} />
      </MantineProvider>
    </I18nextProvider>
  </StrictMode>,
);
