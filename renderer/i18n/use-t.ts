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
