import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

/*
 * Every user-facing string goes through here. English ships now; Dutch and French are added
 * as `nl.json` / `fr.json` next to `en.json` and listed in `resources`.
 */
export const resources = { en: { translation: en } } as const;
export const supportedLanguages = Object.keys(resources);

let locale: string | null = null;

/**
 * The user's locale for Intl formatting (dates, times, money), even before their language is
 * translated. Every row asks for it; it is read once, and again when the browser says it changed.
 */
export function userLocale(): string {
  if (locale === null) {
    locale = navigator.languages[0] ?? navigator.language;
    window.addEventListener(
      'languagechange',
      () => {
        locale = null;
      },
      { once: true },
    );
  }
  return locale;
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
