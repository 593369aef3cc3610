import type { PaymentProviderName } from '../../shared/domain/order.js';
import { PaymentProviderError } from './provider.js';

/*
 * One HTTP call to a provider's API, with a timeout, its errors sorted into what the relay can do
 * about them. 404 is an answer, not an error: callers turn it into "unknown payment".
 */

export interface ProviderHttp {
  provider: PaymentProviderName;
  baseUrl: string;
  authorization: string;
  fetch: typeof fetch;
  timeoutMs: number;
  /** The provider's own words from an error body (Mollie's `detail`, Stripe's `error.message`). */
  errorMessage: (body: unknown) => string | undefined;
}

export interface ProviderAnswer {
  status: number;
  body: unknown;
}

export async function callProvider(
  http: ProviderHttp,
  method: 'GET' | 'POST',
  path: string,
  body?: { contentType: string; text: string; idempotencyKey: string },
): Promise<ProviderAnswer> {
  const fail = (kind: PaymentProviderError['kind'], message: string, status: number | null = null) =>
    new PaymentProviderError(http.provider, kind, message, status);
  let response: Response;
  try {
    response = await http.fetch(`${http.baseUrl}${path}`, {
      method,
      headers: {
        authorization: http.authorization,
        accept: 'application/json',
        ...(body ? { 'content-type': body.contentType, 'idempotency-key': body.idempotencyKey } : {}),
      },
      ...(body ? { body: body.text } : {}),
      signal: AbortSignal.timeout(http.timeoutMs),
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'did not answer in time' : 'unreachable';
    throw fail('unavailable', `${http.provider} is ${reason}`);
  }
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const { status } = response;
  if (status === 404 || (status >= 200 && status < 300)) {
    if (parsed === undefined)
      throw fail('invalid_response', `${http.provider} answered ${status} without JSON`, status);
    return { status, body: parsed };
  }
  const said = http.errorMessage(parsed) ?? `HTTP ${status}`;
  if (status === 401 || status === 403)
    throw fail('unauthorized', `${http.provider} refused the API key: ${said}`, status);
  // 409: the same idempotency key is still being processed (Mollie); it is safe to retry.
  if (status === 409 || status === 429 || status >= 500) throw fail('unavailable', `${http.provider}: ${said}`, status);
  throw fail('rejected', `${http.provider} refused the request: ${said}`, status);
}
