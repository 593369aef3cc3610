import { randomBytes } from 'node:crypto';

/*
 * The relay's own payment URLs. The order id is in the customer's link, so it is random (128 bits)
 * rather than counted: nobody can walk from their order to someone else's.
 */

export function newOrderId(): string {
  return `ord_${randomBytes(16).toString('base64url')}`;
}

/** The stable link the customer gets: GET answers 303 to a live checkout (see order-payments.ts). */
export function payLinkUrl(publicUrl: string, orderId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/pay/${orderId}`;
}

/** Where the provider sends the customer back: the relay looks the payment up and says how it went. */
export function payReturnUrl(publicUrl: string, orderId: string): string {
  return `${payLinkUrl(publicUrl, orderId)}/return`;
}
