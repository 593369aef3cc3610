import { useTranslation } from 'react-i18next';
import type en from './en.json';

/*
 * Typed translation keys for the inbox, derived from en.json: a misspelt key is a compile
 * error. (Scoped to a hook rather than a global i18next augmentation, so other pages built
 * from this folder keep their own resources.)
 */

type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** `inbox.unread_one` / `inbox.unread_other` are used as `inbox.unread` with a count. */
type WithoutPluralSuffix<K extends string> =
  K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : K;

export type TranslationKey = WithoutPluralSuffix<Paths<typeof en>>;
export type Translate = (key: TranslationKey, values?: Record<string, string | number>) => string;

export function useT(): Translate {
  const { t } = useTranslation();
  return t;
}

/** How many phrasings a remembering translate keeps before it starts again. */
const REMEMBERED = 500;

/**
 * A translate that remembers what it said for a key alone or a key and a count: the list mounts a
 * row on every message, and each row asks for the same few words ("Open", "Unassigned", "1 unread
 * message"). Text with other values (names) is translated each time. Make one per `t` (useMemo):
 * `t` changes with the language, and so must what was remembered.
 */
export function rememberingTranslate(t: Translate): Translate {
  const said = new Map<string, string>();
  return (key, values) => {
    const names = values === undefined ? [] : Object.keys(values);
    const count = values?.['count'];
    const known = names.length === 0 ? key : names.length === 1 && typeof count === 'number' ? `${key}#${count}` : null;
    if (known === null) return t(key, values);
    let text = said.get(known);
    if (text === undefined) {
      text = t(key, values);
      if (said.size >= REMEMBERED) said.clear();
      said.set(known, text);
    }
    return text;
  };
}
