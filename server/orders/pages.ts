import type { CartLine } from '../../shared/domain/cart.js';
import type { Money } from '../../shared/money.js';
import { formatMoney } from '../../shared/money.js';
import { markup, safeUrl, SafeHtml } from '../shop/html.js';

/*
 * The customer's pages around a payment: what the stable link says when it cannot redirect (paid,
 * closed, in progress), the page after the checkout, and the sandbox checkout. Server-rendered, no
 * script; mobile first, like the shop pages.
 */

const LOCALE = 'en-IE';

const CSS = `:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#f7f7f4;--card:#fff;--muted:#5b5f63;--line:#e2e2dc;--ok:#1f8a4c;--bad:#b42318}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--bg:#121212;--card:#1d1d1d;--muted:#a8a8a8;--line:#333}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:440px;margin:0 auto;padding:24px 16px}
.card{background:var(--card);border:1px solid var(--line);border-radius:16px;padding:20px}
h1{font-size:1.3rem;margin:0 0 8px}
p{margin:8px 0;color:var(--muted)}
table{width:100%;border-collapse:collapse;margin:12px 0}
td{padding:6px 0;border-bottom:1px solid var(--line);vertical-align:top}
td.amount{text-align:right;white-space:nowrap;padding-left:12px}
tr.total td{font-weight:700;border-bottom:none}
.badge{display:inline-block;font-size:.8rem;font-weight:600;border-radius:999px;padding:2px 10px;background:#fff4d6;color:#7a5a00;margin-bottom:8px}
.ok{color:var(--ok)}.bad{color:var(--bad)}
form{margin:0}
button,.button{display:block;width:100%;margin:10px 0 0;padding:12px;border-radius:999px;border:1px solid var(--line);background:var(--card);color:var(--fg);font:inherit;font-weight:600;text-align:center;text-decoration:none;cursor:pointer}
button.primary,.button.primary{background:#1f6feb;border-color:#1f6feb;color:#fff}
button:focus-visible,.button:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}`;

export function page(title: string, body: SafeHtml): string {
  return markup`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title><style>${new SafeHtml(CSS)}</style></head>
<body><main><div class="card">${body}</div></main></body></html>`.value;
}

const money = (m: Money): string => formatMoney(m, LOCALE);

function lines(items: readonly CartLine[], total: Money): SafeHtml {
  const rows = items.map(
    (line) => markup`<tr><td>${line.quantity} × ${line.name}</td><td class="amount">${money(line.lineTotal)}</td></tr>`,
  );
  return markup`<table>${rows}<tr class="total"><td>Total</td><td class="amount">${money(total)}</td></tr></table>`;
}

export interface OrderPageInput {
  id: string;
  items: readonly CartLine[];
  total: Money;
  payLink: string;
}

export type OrderPageKind = 'paid' | 'closed' | 'replaced' | 'wait' | 'not_paid' | 'unavailable';

const WORDS: Record<OrderPageKind, { title: string; text: string; tone: 'ok' | 'bad' | '' }> = {
  paid: {
    title: 'Payment received',
    text: 'Thank you! This order is paid. The shop will confirm it in WhatsApp.',
    tone: 'ok',
  },
  closed: { title: 'This payment link has expired', text: 'Ask the shop in WhatsApp for a new link.', tone: 'bad' },
  replaced: {
    title: 'This payment link was replaced',
    text: 'Your order changed, and the shop sent you a new link in WhatsApp. Please pay with the newest one.',
    tone: 'bad',
  },
  wait: {
    title: 'Your payment is being processed',
    text: 'Your bank is still confirming it. You will get a message in WhatsApp once it is done.',
    tone: '',
  },
  not_paid: {
    title: 'Not paid yet',
    text: 'The payment was not completed. You can try again with the same link.',
    tone: 'bad',
  },
  unavailable: {
    title: 'The payment page is not available right now',
    text: 'Please try again in a minute.',
    tone: 'bad',
  },
};

/** What the customer sees at the stable link when there is no checkout to send them to. */
export function orderPage(kind: OrderPageKind, order: OrderPageInput | null): string {
  const words = WORDS[kind];
  const again = kind === 'not_paid' || kind === 'unavailable';
  return page(
    words.title,
    markup`<h1 class="${words.tone}">${words.title}</h1><p>${words.text}</p>${order ? lines(order.items, order.total) : null}${
      again && order ? markup`<a class="button primary" href="${safeUrl(order.payLink)}">Try again</a>` : null
    }`,
  );
}

export function unknownOrderPage(): string {
  return page('Order not found', markup`<h1>Order not found</h1><p>Check the link the shop sent you in WhatsApp.</p>`);
}

export interface SandboxCheckoutInput {
  paymentId: string;
  description: string;
  lines: readonly CartLine[];
  amount: Money;
  status: string;
  expiresAt: number;
}

/** The sandbox checkout: the customer pays, cancels, lets it fail or expire; nothing is charged. */
export function sandboxCheckoutPage(payment: SandboxCheckoutInput): string {
  const action = `/sandbox/checkout/${payment.paymentId}`;
  const button = (outcome: string, label: string, primary = false) =>
    markup`<form method="post" action="${action}"><input type="hidden" name="outcome" value="${outcome}"><button type="submit" class="${primary ? 'primary' : ''}">${label}</button></form>`;
  const open = payment.status === 'open';
  return page(
    'Sandbox checkout',
    markup`<span class="badge">Sandbox checkout · no money moves</span><h1>${payment.description}</h1>${lines(payment.lines, payment.amount)}${
      open
        ? markup`${button('paid', `Pay ${money(payment.amount)}`, true)}${button('canceled', 'Cancel payment')}${button('failed', 'Let the payment fail')}${button('expired', 'Let it expire')}`
        : markup`<p>This payment is ${payment.status}.</p>`
    }`,
  );
}
