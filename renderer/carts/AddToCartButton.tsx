import { Button } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../app/describe-error';
import { useT } from '../i18n/use-t';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { setCartItem } from './carts-commands';
import { selectCart } from './carts-state';

interface Props {
  conversationId: string;
  product: { id: string; name: string; visibility?: string };
}

/** "Add <product> to cart": one more of it in the conversation's cart (for catalog rows and product cards). */
export function AddToCartButton({ conversationId, product }: Props) {
  const t = useT();
  const link = useRelayLink();
  const inCart = useInbox(
    (s) => selectCart(s, conversationId)?.items.find((i) => i.productId === product.id)?.quantity ?? 0,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="compact-xs"
      variant="light"
      loading={busy}
      disabled={product.visibility === 'archived'}
      aria-label={t('cart.addToCart', { name: product.name })}
      title={error ?? undefined}
      color={error ? 'red' : undefined}
      onClick={() => {
        setBusy(true);
        setError(null);
        setCartItem(link, conversationId, product.id, inCart + 1)
          .catch((failure: unknown) => {
            setError(describeError(failure, t));
          })
          .finally(() => {
            setBusy(false);
          });
      }}
    >
      {t('cart.add')}
    </Button>
  );
}
