import { Loader, Text } from '@mantine/core';
import { selectAgents, selectMeId } from '../accounts/accounts-state';
import { userLocale } from '../i18n';
import { formatListTime } from '../i18n/format';
import { useT } from '../i18n/use-t';
import { useInbox } from '../inbox/inbox-context';
import { useNow } from '../ui/use-now';
import { AgentManagement } from './AgentManagement';
import classes from './Floor.module.css';
import { FloorChart } from './FloorCharts';
import { useFloor } from './use-floor';

/** The supervisor's floor: the queue, the team's status and load, and how fast chats are answered. */
export function FloorScreen({ onOpenConversation }: { onOpenConversation: (id: string) => void }) {
  const t = useT();
  const { floor, error } = useFloor();
  // Presence and roles from the live agent list; open chats and figures from the floor.
  const agents = useInbox(selectAgents);
  const meId = useInbox(selectMeId) ?? '';
  const now = useNow(30_000);
  if (!floor) {
    return (
      <main className={classes.screen} aria-label={t('floor.title')}>
        {error ? <Text c="red.8">{error}</Text> : <Loader size="sm" />}
      </main>
    );
  }
  const online = agents.filter((a) => a.active && a.presence === 'online').length;
  const oldest = floor.queue.oldest;
  const waitedMin = oldest ? Math.max(0, Math.round((now - Date.parse(oldest.waitingSince)) / 60_000)) : 0;
  const active = agents.filter((a) => a.active);
  return (
    <main className={classes.screen} aria-label={t('floor.title')}>
      <h2 className={classes.title}>{t('floor.title')}</h2>
      <div className={classes.tiles}>
        <section className={classes.tile} aria-label={t('floor.queue')}>
          <span className={classes.tileLabel}>{t('floor.queue')}</span>
          <span className={classes.tileValue}>{floor.queue.length}</span>
        </section>
        <section className={classes.tile} aria-label={t('floor.oldest')}>
          <span className={classes.tileLabel}>{t('floor.oldest')}</span>
          {oldest ? (
            <button
              type="button"
              className={classes.oldest}
              onClick={() => {
                onOpenConversation(oldest.conversationId);
              }}
            >
              <span className={classes.tileValue}>{t('floor.minutes', { count: waitedMin })}</span>
              <span className={classes.tileSub}>
                {oldest.customerName} · {formatListTime(oldest.waitingSince, userLocale(), now)}
              </span>
            </button>
          ) : (
            <span className={classes.tileValue}>—</span>
          )}
        </section>
        <section className={classes.tile} aria-label={t('floor.online')}>
          <span className={classes.tileLabel}>{t('floor.online')}</span>
          <span className={classes.tileValue}>
            {online} / {active.length}
          </span>
        </section>
      </div>
      <div className={classes.charts}>
        <FloorChart floor={floor} agents={agents} metric="firstResponseMs" />
        <FloorChart floor={floor} agents={agents} metric="resolutionMs" />
      </div>
      <AgentManagement floor={floor} agents={agents} meId={meId} />
    </main>
  );
}
