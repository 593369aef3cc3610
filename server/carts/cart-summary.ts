import type { Cart } from '../../shared/domain/cart.js';
import { formatMoney } from '../../shared/money.js';

/*
 * The cart as the customer reads it in WhatsApp: one line per product, the total, the VAT in it.
 * Plain text (no WhatsApp `*bold*`: the inbox shows what was sent, as sent); prices are VAT included.
 */

const LOCALE = 'en-IE';

export function cartSummaryText(cart: Cart): string {
  const money = (m: Cart['total']) => formatMoney(m, LOCALE);
  const lines = cart.items.map((line) => `${line.quantity} × ${line.name} — ${money(line.lineTotal)}`);
  const vat = cart.vat
    .filter((part) => part.amount.amount > 0)
    .map((part) => `VAT ${part.rate}%: ${money(part.amount)}`);
  return [
    'Your cart:',
    ...lines,
    '',
    `Total: ${money(cart.total)}`,
    ...(vat.length > 0 ? [`Including ${vat.join(', ')}`] : []),
  ].join('\n');
}

/** The confirmation a customer gets once, when their order is paid. */
export function paidConfirmationText(cart: Cart): string {
  const money = (m: Cart['total']) => formatMoney(m, LOCALE);
  return [
    'Payment received — thank you!',
    ...cart.items.map((line) => `${line.quantity} × ${line.name} — ${money(line.lineTotal)}`),
    '',
    `Paid: ${money(cart.total)}`,
  ].join('\n');
}

/** The text above the payment link's button. */
export function payLinkText(cart: Cart): string {
  const count = cart.items.reduce((sum, line) => sum + line.quantity, 0);
  return `Your order: ${count} ${count === 1 ? 'item' : 'items'}, ${formatMoney(cart.total, LOCALE)} in total. Tap the button to pay securely; the link stays valid, so you can also pay later.`;
}
