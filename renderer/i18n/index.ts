import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

/*
 * Every user-facing string goes through here. English ships now; Dutch and French are added
 * as `nl.json` / `fr.json` next to `en.json` and listed in `resources`.
 */
export const resources = { en: { translation: en } } as const;
export const supportedLanguages = Object.keys(resources);

/** The user's locale for Intl formatting (dates, times, money), even before their language is translated. */
export function userLocale(): string {
  return navigator.languages[0] ?? navigator.language;
}

export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: userLocale().split('-')[0],
    fallbackLng: 'en',
    supportedLngs: supportedLanguages,
    nonExplicitSupportedLngs: true,
    interpolation: { escapeValue: false }, // React escapes; strings never become HTML
    returnNull: false,
    initAsync: false,
  });
  return i18next;
}
