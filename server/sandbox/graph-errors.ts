import { newFbtraceId } from './ids.js';

/*
 * Graph API errors as Meta answers them: `{error:{message:"(#code) title", type, code,
 * error_data:{messaging_product, details}, fbtrace_id}}`. Titles follow Meta's error-code page.
 */

export const GRAPH_ERROR_TITLES: Readonly<Record<number, string>> = {
  0: 'AuthException',
  4: 'Application request limit reached',
  100: 'Invalid parameter',
  190: 'Invalid OAuth access token - Cannot parse access token',
  131000: 'Something went wrong',
  131008: 'Required parameter is missing',
  131009: 'Parameter value is not valid',
  131016: 'Service unavailable',
  131021: 'Recipient cannot be sender',
  131026: 'Message undeliverable',
  131047: 'Re-engagement message',
  131048: 'Spam rate limit hit',
  131049: 'This message was not delivered to maintain healthy ecosystem engagement.',
  131050: 'User has stopped marketing messages',
  131051: 'Unsupported message type',
  131053: 'Media upload error',
  131056: '(Business Account, Consumer Account) pair rate limit hit',
  131057: 'Account in maintenance mode',
  130429: 'Rate limit hit',
  132001: 'Template does not exist',
};

/** The HTTP status Graph answers with; Meta documents 400 for most request errors. */
function defaultHttpStatus(code: number): number {
  if (code === 190 || code === 0) return 401;
  if (code === 131000) return 500;
  if (code === 131016) return 503;
  if (code === 130429 || code === 4) return 429;
  return 400;
}

export interface GraphErrorBody {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    error_data?: { messaging_product: 'whatsapp'; details: string };
    fbtrace_id: string;
  };
}

export class GraphApiError extends Error {
  readonly httpStatus: number;
  readonly subcode: number | undefined;
  readonly type: string;

  constructor(
    readonly code: number,
    readonly details?: string,
    options: { httpStatus?: number; title?: string; subcode?: number; type?: string } = {},
  ) {
    super(`(#${code}) ${options.title ?? GRAPH_ERROR_TITLES[code] ?? 'Unknown error'}`);
    this.name = 'GraphApiError';
    this.httpStatus = options.httpStatus ?? defaultHttpStatus(code);
    this.subcode = options.subcode;
    this.type = options.type ?? 'OAuthException';
  }

  toBody(): GraphErrorBody {
    return {
      error: {
        message: this.message,
        type: this.type,
        code: this.code,
        ...(this.subcode === undefined ? {} : { error_subcode: this.subcode }),
        ...(this.details === undefined ? {} : { error_data: { messaging_product: 'whatsapp', details: this.details } }),
        fbtrace_id: newFbtraceId(),
      },
    };
  }
}

/** Parameter errors carry their explanation in the message itself, as Meta's do. */
export function invalidParameter(details: string): GraphApiError {
  return new GraphApiError(100, details, { title: details });
}

/** What Graph answers for an id that is not a node it knows (or not one this token may use). */
export function unknownObject(id: string, method: 'get' | 'post'): GraphApiError {
  const title =
    `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing ` +
    'permissions, or does not support this operation. Please read the Graph API documentation at ' +
    'https://developers.facebook.com/docs/graph-api';
  return new GraphApiError(100, undefined, { title, subcode: 33, type: 'GraphMethodException' });
}

export function invalidToken(): GraphApiError {
  return new GraphApiError(190, undefined, { httpStatus: 401 });
}
