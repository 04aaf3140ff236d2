import { type SupportedLanguage, supportedLanguages } from '@frontline/contracts';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.ts';
import { hu } from './locales/hu.ts';
import { lt } from './locales/lt.ts';
import { pl } from './locales/pl.ts';
import { sk } from './locales/sk.ts';

export const resources = {
  en: { translation: en },
  lt: { translation: lt },
  sk: { translation: sk },
  pl: { translation: pl },
  hu: { translation: hu },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

const storageKey = 'frontline.uiLanguage';

/** Before the session is known (the login page) the last language used on this browser is shown. */
function initialLanguage(): SupportedLanguage {
  const stored = localStorage.getItem(storageKey);
  if (stored && (supportedLanguages as readonly string[]).includes(stored))
    return stored as SupportedLanguage;
  const browser = navigator.language.slice(0, 2);
  return (supportedLanguages as readonly string[]).includes(browser) ? (browser as SupportedLanguage) : 'en';
}

export async function setUpI18n() {
  await i18next.use(initReactI18next).init({
    resources,
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...supportedLanguages],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

/** Switches the UI language (the agent's `uiLanguage`) and remembers it for the login page. */
export async function applyUiLanguage(language: SupportedLanguage) {
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

/** Each language's name in itself, for the language pickers. */
export const languageNames: Record<SupportedLanguage, string> = {
  en: 'English',
  lt: 'Lietuvių',
  sk: 'Slovenčina',
  pl: 'Polski',
  hu: 'Magyar',
};
