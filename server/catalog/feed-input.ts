/*
 * The feed's text as it arrives: a string, bytes, or a stream of either (a request body), in chunks
 * with their size in bytes for progress, UTF-8 decoded across chunk boundaries.
 */

export type FeedInput = string | Uint8Array | AsyncIterable<string | Uint8Array>;

const CHUNK_CHARS = 64 * 1024;

export async function* chunks(input: FeedInput): AsyncGenerator<{ text: string; bytes: number }> {
  if (typeof input === 'string') {
    for (let at = 0; at < input.length;) {
      let end = Math.min(at + CHUNK_CHARS, input.length);
      if (/[\uD800-\uDBFF]/.test(input.charAt(end - 1))) end++; // never split an emoji's surrogate pair
      const text = input.slice(at, end);
      at = end;
      yield { text, bytes: Buffer.byteLength(text) };
    }
    return;
  }
  const decoder = new TextDecoder('utf-8');
  const source = input instanceof Uint8Array ? [input] : input;
  for await (const chunk of source) {
    if (typeof chunk === 'string') yield { text: chunk, bytes: Buffer.byteLength(chunk) };
    else yield { text: decoder.decode(chunk, { stream: true }), bytes: chunk.byteLength };
  }
  const rest = decoder.decode();
  if (rest) yield { text: rest, bytes: 0 };
}

/** \r\n and lone \r become \n; a \r at the end of a chunk waits for the next one. */
export function lineEndings(): (text: string, last: boolean) => string {
  let pendingCr = false;
  return (text, last) => {
    let joined = (pendingCr ? '\r' : '') + text;
    pendingCr = !last && joined.endsWith('\r');
    if (pendingCr) joined = joined.slice(0, -1);
    return joined.replace(/\r\n?/g, '\n');
  };
}

/** The line a record starts on, from the line it ends on and its raw text (blank lines before it included). */
export function startLine(endLine: number, raw: string | undefined): number {
  const own = (raw ?? '').replace(/^\n+/, '').replace(/\n$/, '');
  return endLine - (own.match(/\n/g)?.length ?? 0);
}

export function totalBytesOf(input: FeedInput): number | null {
  if (typeof input === 'string') return Buffer.byteLength(input);
  return input instanceof Uint8Array ? input.byteLength : null;
}
