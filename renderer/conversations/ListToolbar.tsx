import { CloseButton, Group, NativeSelect, Tabs, TextInput } from '@mantine/core';
import { memo } from 'react';
import type { ConversationStatus } from '../../shared/domain/conversation.js';
import type { InboxView } from '../../shared/protocol/conversations.js';
import { useT } from '../i18n/use-t';
import { useInbox } from '../inbox/inbox-context';
import { selectLabels } from '../labels/labels-state';
import { IconSearch } from '../ui/icons';
import classes from './ConversationList.module.css';
import type { ListFilter } from './list-filter';

const STATUSES: ConversationStatus[] = ['open', 'pending', 'snoozed', 'resolved'];
const ANY = '';

interface Props {
  filter: ListFilter;
  onFilter: (filter: ListFilter) => void;
  query: string;
  onQuery: (query: string) => void;
  /** How many conversations each view holds (shown beside the tab, not part of its name). */
  counts: Record<InboxView, number>;
}

/** Above the list: the searchbox, the views as tabs (Mine, Unassigned, All) and the status and label filters. */
export const ListToolbar = memo(function ListToolbar({ filter, onFilter, query, onQuery, counts }: Props) {
  const t = useT();
  const labels = useInbox(selectLabels);
  const views: InboxView[] = ['mine', 'unassigned', 'all'];
  return (
    <div className={classes.toolbar}>
      <TextInput
        type="search"
        size="xs"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        leftSection={<IconSearch size={14} />}
        value={query}
        onChange={(event) => onQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onQuery('');
        }}
        rightSection={
          query ? <CloseButton size="sm" aria-label={t('search.clear')} onClick={() => onQuery('')} /> : null
        }
      />
      {query.trim() === '' ? (
        <>
          <Tabs
            value={filter.view}
            onChange={(value) => {
              if (value) onFilter({ ...filter, view: value as InboxView });
            }}
            variant="pills"
            radius="md"
            classNames={{ list: classes.tabs, tab: classes.tab }}
          >
            <Tabs.List aria-label={t('views.label')} grow>
              {views.map((view) => (
                <Tabs.Tab
                  key={view}
                  value={view}
                  rightSection={
                    <span className={classes.tabCount} aria-hidden>
                      {counts[view]}
                    </span>
                  }
                >
                  {t(`views.${view}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Tabs>
          <Group gap={6} grow wrap="nowrap">
            <NativeSelect
              size="xs"
              aria-label={t('filters.status')}
              value={filter.status ?? ANY}
              data={[
                { value: ANY, label: t('filters.anyStatus') },
                ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
              ]}
              onChange={(event) => {
                const value = event.currentTarget.value;
                onFilter({ ...filter, status: value === ANY ? null : (value as ConversationStatus) });
              }}
            />
            <NativeSelect
              size="xs"
              aria-label={t('filters.label')}
              value={filter.label ?? ANY}
              data={[
                { value: ANY, label: t('filters.anyLabel') },
                ...labels.map((l) => ({ value: l.id, label: l.name })),
              ]}
              onChange={(event) => {
                const value = event.currentTarget.value;
                onFilter({ ...filter, label: value === ANY ? null : value });
              }}
            />
          </Group>
        </>
      ) : null}
    </div>
  );
});
