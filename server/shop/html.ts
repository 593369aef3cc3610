/*
 * HTML built by a tagged template that escapes every interpolated value unless it is already
 * SafeHtml (another `markup` result). Product names, descriptions and SKUs come from supervisors and
 * feeds: with this, forgetting to escape one takes effort. Attribute values are always quoted in
 * the templates, and the escaping covers both quote characters. (Not named `html`: Prettier would
 * reformat such templates as HTML and change the bytes the pages are made of.)
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = string | number | SafeHtml | readonly SafeHtml[] | null | undefined | false;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((item: SafeHtml) => item.value).join('');
  return escapeHtml(String(value));
}

export function markup(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, part, i) => out + part + (i < values.length ? render(values[i]) : ''), ''));
}

/** Only http(s) URLs and the relay's own paths go into href and src; anything else becomes "#". */
export function safeUrl(url: string): string {
  return /^(https?:\/\/|\/(?!\/))/i.test(url) ? url : '#';
}
