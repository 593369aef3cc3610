import { Avatar, Loader, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { Agent } from '../../shared/domain/agent.js';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import { formatWaId } from '../../shared/phone.js';
import type { Episode } from '../../shared/protocol/contacts.js';
import { selectAgentsById } from '../accounts/accounts-state';
import { userLocale } from '../i18n';
import { formatDate, formatNames } from '../i18n/format';
import { useT } from '../i18n/use-t';
import { useInbox } from '../inbox/inbox-context';
import { LabelChips } from '../labels/LabelChips';
import { selectLabelsById } from '../labels/labels-state';
import { ContactOrders } from './ContactOrders';
import { SidePanel } from '../ui/SidePanel';
import classes from './Contact.module.css';
import { useContactHistory } from './use-contact-history';

interface Props {
  conversation: ConversationSummary;
  onClose: () => void;
  /** Shows a message of the thread (an earlier conversation's first line). */
  onShowMessage?: ((messageId: string) => void) | undefined;
}

/**
 * Beside the conversation: who the customer is (name, number or username, first contact, labels)
 * and what happened before (their earlier conversations and orders). Identity and labels follow
 * the live conversation; the earlier conversations are asked from the relay.
 */
export function ContactPanel({ conversation, onClose, onShowMessage }: Props) {
  const t = useT();
  const locale = userLocale();
  const { contact } = conversation;
  const labelsById = useInbox(selectLabelsById);
  const agentsById = useInbox(selectAgentsById);
  const history = useContactHistory(conversation.id, conversation.status);

  return (
    <SidePanel title={t('contact.panel')} closeLabel={t('contact.close')} onClose={onClose}>
      <div className={classes.body}>
        <div className={classes.identity}>
          <Avatar name={contact.name} color="initials" size={56} aria-hidden />
          <h3 className={classes.name}>{contact.name || t('contact.noName')}</h3>
        </div>
        <dl className={classes.facts}>
          <Fact term={t('contact.number')}>
            {contact.waId !== null ? (
              <span className={classes.number}>{formatWaId(contact.waId)}</span>
            ) : (
              <span className={classes.muted}>{t('contact.numberHidden')}</span>
            )}
          </Fact>
          {contact.username !== null ? (
            <Fact term={t('contact.username')}>
              {contact.username.startsWith('@') ? contact.username : `@${contact.username}`}
            </Fact>
          ) : null}
          {contact.userId !== null ? (
            <Fact term={t('contact.userId')}>
              <span className={classes.code}>{contact.userId}</span>
            </Fact>
          ) : null}
          <Fact term={t('contact.firstContact')}>{formatDate(conversation.createdAt, locale)}</Fact>
          <Fact term={t('contact.labels')}>
            {conversation.labels.length > 0 ? (
              <LabelChips ids={conversation.labels} byId={labelsById} />
            ) : (
              <span className={classes.muted}>{t('contact.noLabels')}</span>
            )}
          </Fact>
        </dl>

        <section className={classes.section} aria-labelledby="contact-earlier">
          <h4 id="contact-earlier" className={classes.sectionTitle}>
            {t('contact.earlier')}
          </h4>
          {history.kind === 'loading' ? (
            <Loader size="xs" className={classes.loading} />
          ) : history.kind === 'failed' ? (
            <Text size="xs" c="red.7" role="alert">
              {t('contact.failed', { message: history.message })}
            </Text>
          ) : (
            <EarlierConversations
              episodes={history.history.episodes}
              complete={history.history.complete}
              agentsById={agentsById}
              onShow={onShowMessage}
            />
          )}
        </section>

        <ContactOrders conversationId={conversation.id} />
      </div>
    </SidePanel>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className={classes.fact}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function EarlierConversations({
  episodes,
  complete,
  agentsById,
  onShow,
}: {
  episodes: readonly Episode[];
  complete: boolean;
  agentsById: ReadonlyMap<string, Agent>;
  onShow?: ((messageId: string) => void) | undefined;
}) {
  const t = useT();
  const locale = userLocale();
  // Newest first; the one going on now is the conversation on screen, not an earlier one.
  const earlier = useMemo(() => episodes.filter((e) => e.endedAt !== null).reverse(), [episodes]);
  const nameOf = (id: string) => agentsById.get(id)?.name ?? t('contact.formerAgent');
  if (earlier.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t('contact.noEarlier')}
      </Text>
    );
  }
  return (
    <>
      <ol className={classes.episodes}>
        {earlier.map((episode) => (
          <li key={episode.firstMessageId} className={classes.episode}>
            <div className={classes.episodeHead}>
              {onShow ? (
                <button
                  type="button"
                  className={classes.episodeLink}
                  onClick={() => {
                    onShow(episode.firstMessageId);
                  }}
                  aria-label={t('contact.show', { date: formatDate(episode.startedAt, locale) })}
                >
                  {formatDate(episode.startedAt, locale)}
                </button>
              ) : (
                <span>{formatDate(episode.startedAt, locale)}</span>
              )}
              <span className={classes.muted}>
                {episode.resolvedBy !== null
                  ? t('contact.resolvedBy', { name: nameOf(episode.resolvedBy) })
                  : t('contact.resolved')}
              </span>
            </div>
            {episode.firstText !== null ? <p className={classes.topic}>{episode.firstText}</p> : null}
            <div className={classes.muted}>
              {t('contact.customerMessages', { count: episode.customerMessages })} ·{' '}
              {t('contact.replies', { count: episode.replies })}
              {episode.assigneeIds.length > 0
                ? ` · ${t('contact.handledBy', { names: formatNames(episode.assigneeIds.map(nameOf), locale) })}`
                : ''}
            </div>
          </li>
        ))}
      </ol>
      {complete ? null : (
        <Text size="xs" c="dimmed">
          {t('contact.incomplete')}
        </Text>
      )}
    </>
  );
}
