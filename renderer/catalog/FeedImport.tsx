import { Button, FileButton, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ImportResult } from '../../shared/protocol/catalog.js';
import { describeError } from '../app/describe-error';
import { useRelayLink } from '../inbox/inbox-context';
import { useT } from '../i18n/use-t';
import classes from './Products.module.css';
import { importFeed } from './catalog-commands';

/** "Import feed": a Meta CSV/TSV file up with a progress bar, then what went in and each row that did not. */
export function FeedImport() {
  const t = useT();
  const link = useRelayLink();
  const [file, setFile] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = (chosen: File | null) => {
    if (!chosen) return;
    setFile(chosen.name);
    setProgress(0);
    setResult(null);
    setError(null);
    importFeed(link, chosen, setProgress).then(
      (answer) => {
        setResult(answer);
        setFile(null);
      },
      (caught: unknown) => {
        setError(describeError(caught, t));
        setFile(null);
      },
    );
  };

  return (
    <Stack gap={6} align="flex-start" className={classes.import}>
      <FileButton onChange={start} accept=".csv,.tsv,text/csv,text/tab-separated-values">
        {(props) => (
          <Button {...props} variant="default" size="xs" loading={file !== null}>
            {t('products.importFeed')}
          </Button>
        )}
      </FileButton>
      {file !== null ? (
        <>
          <Text size="xs">{t('products.importing', { file })}</Text>
          <Progress value={progress * 100} aria-label={t('products.importProgress')} size="sm" />
        </>
      ) : null}
      {error ? (
        <Text size="xs" c="red.7" role="alert">
          {error}
        </Text>
      ) : null}
      {result ? (
        <div role="status">
          <Text size="xs" fw={600}>
            {t('products.imported', { imported: result.imported, updated: result.updated })}
            {result.errors.length > 0 ? ` · ${t('products.rowErrors', { count: result.errors.length })}` : ''}
          </Text>
          {result.errors.length > 0 ? (
            <section aria-label={t('products.importErrors')} className={classes.errors}>
              <ul>
                {result.errors.map((e) => (
                  <li key={e.line}>
                    <strong>{t('products.line', { line: e.line })}</strong> {e.message}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      ) : null}
    </Stack>
  );
}
