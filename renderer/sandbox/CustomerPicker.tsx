import { Avatar, Button, Checkbox, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toWaId } from '../../shared/phone.js';
import { CustomerNameSchema, UsernameSchema, type Customer } from '../../shared/protocol/sandbox.js';
import { formatNumber } from './format';
import classes from './phone.module.css';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((part) => /^\p{Lu}/u.test(part))
    .slice(0, 2)
    .map((part) => part[0])
    .join('');
}

function CustomerRow({ customer, onStart }: { customer: Customer; onStart: (customer: Customer) => void }) {
  const { t } = useTranslation();
  return (
    <li>
      <button
        type="button"
        className={classes.customerRow}
        onClick={() => onStart(customer)}
        aria-label={t('picker.chatAs', { name: customer.name })}
      >
        <Avatar name={customer.name} color="initials" size={40} radius="xl">
          {initials(customer.name)}
        </Avatar>
        <span className={classes.customerText}>
          <span className={classes.customerName}>{customer.name}</span>
          <span className={classes.customerNumber}>
            {customer.hidesNumber && customer.username
              ? t('picker.hidden', { username: customer.username })
              : formatNumber(customer.waId)}
          </span>
        </span>
      </button>
    </li>
  );
}

export function CustomerPicker({
  samples,
  recent,
  onStart,
}: {
  samples: Customer[];
  recent: Customer[];
  onStart: (customer: Customer) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [number, setNumber] = useState('');
  const [username, setUsername] = useState('');
  const [hidesNumber, setHidesNumber] = useState(false);
  const [errors, setErrors] = useState<{ name?: string; number?: string; username?: string }>({});
  const sampleIds = new Set(samples.map((s) => s.waId));
  const others = recent.filter((c) => !sampleIds.has(c.waId));

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const parsedName = CustomerNameSchema.safeParse(name);
    const waId = toWaId(number);
    const parsedUsername = username.trim() === '' ? null : UsernameSchema.safeParse(username);
    setErrors({
      ...(parsedName.success ? {} : { name: t('picker.nameRequired') }),
      ...(waId ? {} : { number: t('picker.numberInvalid') }),
      ...(parsedUsername && !parsedUsername.success ? { username: t('picker.usernameInvalid') } : {}),
    });
    if (!parsedName.success || !waId || (parsedUsername && !parsedUsername.success)) return;
    const handle = parsedUsername?.data;
    onStart({
      waId,
      name: parsedName.data,
      ...(handle === undefined ? {} : { username: handle, hidesNumber }),
    });
  };

  return (
    <div className={classes.picker}>
      <div className={classes.pickerIntro}>
        <p className={classes.eyebrow}>Toonbank {t('page.title')}</p>
        <h1 className={classes.pickerHeading}>{t('picker.heading')}</h1>
        <p className={classes.pickerText}>{t('picker.intro')}</p>
      </div>
      {others.length > 0 && (
        <section aria-labelledby="recent-customers">
          <h2 id="recent-customers" className={classes.sectionTitle}>
            {t('picker.recent')}
          </h2>
          <ul className={classes.customerList}>
            {others.map((customer) => (
              <CustomerRow key={customer.waId} customer={customer} onStart={onStart} />
            ))}
          </ul>
        </section>
      )}
      {samples.length > 0 && (
        <section aria-labelledby="sample-customers">
          <h2 id="sample-customers" className={classes.sectionTitle}>
            {t('picker.samples')}
          </h2>
          <ul className={classes.customerList}>
            {samples.map((customer) => (
              <CustomerRow key={customer.waId} customer={customer} onStart={onStart} />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="invent-customer">
        <h2 id="invent-customer" className={classes.sectionTitle}>
          {t('picker.invent')}
        </h2>
        <form className={classes.inventForm} onSubmit={submit} noValidate>
          <TextInput
            label={t('picker.name')}
            placeholder={t('picker.namePlaceholder')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            classNames={{ input: classes.inventInput }}
            autoComplete="off"
          />
          <TextInput
            label={t('picker.number')}
            placeholder={t('picker.numberPlaceholder')}
            description={t('picker.numberHint')}
            value={number}
            onChange={(event) => setNumber(event.currentTarget.value)}
            error={errors.number}
            classNames={{ input: classes.inventInput }}
            inputMode="tel"
            autoComplete="off"
          />
          <TextInput
            label={t('picker.username')}
            placeholder={t('picker.usernamePlaceholder')}
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={errors.username}
            classNames={{ input: classes.inventInput }}
            autoComplete="off"
          />
          <Checkbox
            label={t('picker.hideNumber')}
            description={t('picker.hideNumberHint')}
            checked={hidesNumber}
            disabled={username.trim() === ''}
            onChange={(event) => setHidesNumber(event.currentTarget.checked)}
          />
          <Button type="submit" fullWidth mt={4}>
            {t('picker.start')}
          </Button>
        </form>
      </section>
    </div>
  );
}
