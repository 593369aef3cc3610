import { chromiumLaunchOptions } from '../helpers/chromium.js';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

/*
 * Headless Chromium for the fan-out measurement, and the probe every measured page carries:
 * a MutationObserver that notes, in the page's own high-resolution clock
 * (performance.timeOrigin + performance.now(), the same wall clock Node uses on this machine),
 * the first moment each benchmark token is in the DOM inside a given container.
 */

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  return { context, page: await context.newPage() };
}

/** Node's side of the shared clock: ms since the epoch, sub-millisecond resolution. */
export const wallNow = (): number => performance.timeOrigin + performance.now();

/*
 * Page-side source, kept as a string: the project's Node tsconfig has no DOM types, and this is
 * the only code that runs in the page. Only text that lands inside `scope` counts, so a toast,
 * a title or an open thread showing the same words cannot be mistaken for the list rendering it.
 */
const PROBE_SOURCE = String.raw`(({ scope, pattern }) => {
  const re = new RegExp(pattern, 'g');
  const seen = new Map();
  const now = () => performance.timeOrigin + performance.now();
  const inScope = (node) => {
    const el = node.nodeType === 1 ? node : node.parentElement;
    return el !== null && el.closest(scope) !== null;
  };
  const scan = (text, t) => {
    if (!text) return;
    for (const m of text.matchAll(re)) if (!seen.has(m[1])) seen.set(m[1], t);
  };
  const observer = new MutationObserver((records) => {
    const t = now();
    for (const r of records) {
      if (r.type === 'characterData') {
        if (inScope(r.target)) scan(r.target.data, t);
        continue;
      }
      if (inScope(r.target)) {
        for (const n of r.addedNodes) scan(n.textContent, t);
        continue;
      }
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        for (const el of n.querySelectorAll(scope)) scan(el.textContent, t);
      }
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  for (const el of document.querySelectorAll(scope)) scan(el.textContent, now());
  window.__benchProbe = {
    count: () => seen.size,
    take: () => Object.fromEntries(seen),
    scopeFound: () => document.querySelector(scope) !== null,
  };
  return true;
})`;

/** Starts recording; tokens are `${prefix}<digits>~` and are keyed by their digits. */
export async function installProbe(page: Page, scope: string, prefix: string): Promise<void> {
  const options = { scope, pattern: `${prefix}(\\d+)~` };
  await page.evaluate(`${PROBE_SOURCE}(${JSON.stringify(options)})`);
  if (!(await page.evaluate('window.__benchProbe.scopeFound()'))) throw new Error(`no ${scope} on ${page.url()}`);
}

export const probeCount = async (page: Page): Promise<number> =>
  Number(await page.evaluate('window.__benchProbe.count()'));

/** Sequence number → the page-clock time its token first appeared in scope. */
export async function probeTake(page: Page): Promise<Map<number, number>> {
  const raw = await page.evaluate<Record<string, number>>('window.__benchProbe.take()');
  return new Map(Object.entries(raw).map(([k, v]) => [Number(k), v]));
}

/** Mean of (high-resolution clock − Date.now()) over many reads: where a side's clock sits against the system's. */
const SKEW_SOURCE = `(() => {
  let sum = 0;
  for (let i = 0; i < 500; i++) sum += performance.timeOrigin + performance.now() - Date.now();
  return sum / 500;
})()`;

function nodeSkew(): number {
  let sum = 0;
  for (let i = 0; i < 500; i++) sum += wallNow() - Date.now();
  return sum / 500;
}

/**
 * How far the page's high-resolution clock is from Node's. Each is compared with its own
 * Date.now() (the system clock, read directly, truncated to the millisecond) so no round trip
 * enters the figure; both should sit within a millisecond of the system clock.
 */
export async function clockOffset(page: Page): Promise<number> {
  const inPage = Number(await page.evaluate(SKEW_SOURCE));
  return inPage - nodeSkew();
}
