import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toWaId } from '../../shared/phone.js';
import { CustomerNameSchema, type Customer, type SandboxInfo } from '../../shared/protocol/sandbox.js';
import { ChatScreen } from './ChatScreen';
import { CustomerPicker } from './CustomerPicker';
import { formatNumber } from './format';
import type { PhoneClient } from './phone-client';
import classes from './phone.module.css';

/** `/sandbox?waId=32470123456&name=Anouk` opens that customer's chat directly (handy in tests too). */
function customerFromUrl(): Customer | null {
  const params = new URLSearchParams(window.location.search);
  const waId = toWaId(params.get('waId') ?? '');
  const name = CustomerNameSchema.safeParse(params.get('name') ?? '');
  return waId && name.success ? { waId, name: name.data } : null;
}

export function PhoneApp({ client }: { client: PhoneClient }) {
  const { t } = useTranslation();
  const [customer, setCustomer] = useState<Customer | null>(customerFromUrl);
  const [info, setInfo] = useState<SandboxInfo | null>(null);

  useEffect(() => {
    const load = () => void client.info().then(setInfo, () => undefined);
    const onPopState = () => setCustomer(customerFromUrl());
    client.socket.on('connect', load);
    window.addEventListener('popstate', onPopState);
    if (client.socket.connected) load();
    return () => {
      client.socket.off('connect', load);
      window.removeEventListener('popstate', onPopState);
    };
  }, [client, customer]);

  useEffect(() => {
    document.title = customer ? `${customer.name} · ${t('page.title')}` : `Toonbank ${t('page.title')}`;
  }, [customer, t]);

  const start = (chosen: Customer) => {
    const query = new URLSearchParams({ waId: chosen.waId, name: chosen.name });
    window.history.pushState(null, '', `?${query.toString()}`);
    setCustomer(chosen);
  };
  const leave = () => {
    window.history.pushState(null, '', window.location.pathname);
    setCustomer(null);
  };

  return (
    <div className={classes.page}>
      <header className={classes.pageHeader}>
        <p className={classes.pageTitle}>
          <span className={classes.brand}>Toonbank</span> {t('page.title')}
        </p>
        <p className={classes.pageSubtitle}>
          {customer
            ? t('page.playing', { name: customer.name, number: formatNumber(customer.waId) })
            : t('page.subtitle')}
        </p>
      </header>
      <main className={classes.phone}>
        <div className={classes.screen}>
          {customer ? (
            <ChatScreen
              key={customer.waId}
              client={client}
              customer={customer}
              shopNumber={info?.displayPhoneNumber ?? null}
              photos={info?.photos ?? []}
              onBack={leave}
            />
          ) : (
            <CustomerPicker samples={info?.samples ?? []} recent={info?.recent ?? []} onStart={start} />
          )}
        </div>
      </main>
    </div>
  );
}
