import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { ProductsScreen } from '../catalog/ProductsScreen';
import type { Session } from '../app/session-storage';
import { ConversationList } from '../conversations/ConversationList';
import { selectConversation } from '../conversations/conversations-state';
import { ConversationView } from '../conversations/ConversationView';
import { HealthBanner } from '../health/HealthBanner';
import { useT } from '../i18n/use-t';
import { ConversationGone, EmptyConversation } from './EmptyConversation';
import { useInbox } from './inbox-context';
import classes from './InboxLayout.module.css';
import { selectSynced } from './sync-state';
import { TopBar } from './TopBar';
import { OrdersView } from '../orders/OrdersView';
import { ScreenTabs } from '../orders/ScreenTabs';
import { useHashScreen } from '../app/use-hash-screen';
import { UnreadTitle } from './UnreadTitle';
import { FloorScreen } from '../floor/FloorScreen';
import { selectMe } from '../accounts/accounts-state';
import { useSelectedConversation } from './use-selected-conversation';

interface Props {
  session: Session;
  onSignOut: () => void;
}

/** Wide windows: list and conversation side by side. Narrow ones: the list, or the conversation with a way back. */
export function InboxLayout({ session, onSignOut }: Props) {
  const t = useT();
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [selection, select] = useSelectedConversation();
  const selectedId = selection?.conversationId ?? null;
  const orders = useHashScreen('#/orders');
  const floor = useHashScreen('#/floor');
  const isSupervisor = useInbox((s) => selectMe(s)?.role === 'supervisor');
  const floorOpen = floor.open && isSupervisor;
  const [productsOpen, setProductsOpen] = useState(false);
  const synced = useInbox(selectSynced);
  const exists = useInbox((s) => selectedId !== null && selectConversation(s, selectedId) !== undefined);

  const showList = !narrow || selectedId === null;
  const showConversation = !narrow || selectedId !== null;
  const back = () => {
    select(null);
  };

  let pane = null;
  if (selectedId === null) pane = <EmptyConversation />;
  else if (exists)
    pane = (
      <ConversationView
        key={selectedId}
        conversationId={selectedId}
        focusMessageId={selection?.messageId ?? null}
        onShowMessage={(messageId) => {
          select(selectedId, messageId);
        }}
        onBack={narrow ? back : undefined}
      />
    );
  else if (synced) pane = <ConversationGone onBack={back} />;

  return (
    <div className={classes.shell}>
      <UnreadTitle />
      <TopBar
        session={session}
        onSignOut={onSignOut}
        onOpenProducts={() => {
          setProductsOpen(true);
        }}
        screens={
          <ScreenTabs
            ordersOpen={orders.open && !productsOpen && !floorOpen}
            floorOpen={floorOpen && !productsOpen}
            onInbox={() => {
              setProductsOpen(false);
              floor.hide();
              orders.hide();
            }}
            onOrders={() => {
              setProductsOpen(false);
              floor.hide();
              orders.show();
            }}
            onFloor={
              isSupervisor
                ? () => {
                    setProductsOpen(false);
                    orders.hide();
                    floor.show();
                  }
                : undefined
            }
          />
        }
      />
      <HealthBanner />
      {productsOpen ? (
        <ProductsScreen
          onBack={() => {
            setProductsOpen(false);
          }}
        />
      ) : floorOpen ? (
        <FloorScreen
          onOpenConversation={(id) => {
            floor.hide();
            select(id);
          }}
        />
      ) : orders.open ? (
        <OrdersView
          onOpenConversation={(id) => {
            orders.hide();
            select(id);
          }}
        />
      ) : (
        <div className={classes.body} data-narrow={narrow || undefined}>
          {showList ? (
            <nav className={classes.listPane} aria-label={t('inbox.listLabel')}>
              <ConversationList selectedId={selectedId} onSelect={select} />
            </nav>
          ) : null}
          {showConversation ? <main className={classes.conversationPane}>{pane}</main> : null}
        </div>
      )}
    </div>
  );
}
