/*
 * Stripe's request encoding: application/x-www-form-urlencoded with bracketed nesting
 * (`line_items[0][price_data][currency]=eur`). Keys keep their brackets literally readable in
 * tests through `flattenForm`; URLSearchParams percent-encodes them on the wire, as Stripe's own
 * libraries do.
 */

export type FormValue = string | number | boolean | null | undefined | FormObject | readonly FormValue[];
export interface FormObject {
  readonly [key: string]: FormValue;
}

/** Nested values as `[key, value]` pairs with bracketed keys, in order; null and undefined are left out. */
export function flattenForm(value: FormObject, prefix = ''): [string, string][] {
  const pairs: [string, string][] = [];
  const visit = (key: string, item: FormValue): void => {
    if (item === null || item === undefined) return;
    if (Array.isArray(item)) {
      item.forEach((entry: FormValue, index) => visit(`${key}[${index}]`, entry));
    } else if (typeof item === 'object') {
      for (const [name, entry] of Object.entries(item as FormObject)) visit(key ? `${key}[${name}]` : name, entry);
    } else {
      pairs.push([key, String(item)]);
    }
  };
  visit(prefix, value);
  return pairs;
}

export function encodeForm(value: FormObject): string {
  return new URLSearchParams(flattenForm(value)).toString();
}
