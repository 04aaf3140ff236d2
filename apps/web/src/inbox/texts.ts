import type { SupportedLanguage } from '@frontline/contracts';
import { useTranslation } from 'react-i18next';

/** Texts of saved (custom) inbox views, in every UI language. */
const en = {
  shareWith: 'Share with',
  onlyMe: 'Only me',
  sharedBy: 'Shared by {{name}}',
  saveFailed: 'The view could not be saved',
  deleteFailed: 'The view could not be deleted',
  moreThan: 'more than {{count}}',
  updateView: 'Update this view with these filters',
  updateFailed: 'The view could not be updated',
  allMyTeams: 'All my teams',
  customer: 'Customer',
  customerPlaceholder: 'Find by name, email or phone…',
  removeTag: 'Remove tag…',
};
type InboxTexts = typeof en;

const texts: Record<SupportedLanguage, InboxTexts> = {
  en,
  lt: {
    shareWith: 'Bendrinti su',
    onlyMe: 'Tik man',
    sharedBy: 'Bendrina {{name}}',
    saveFailed: 'Rodinio išsaugoti nepavyko',
    deleteFailed: 'Rodinio ištrinti nepavyko',
    moreThan: 'daugiau nei {{count}}',
    updateView: 'Atnaujinti rodinį šiais filtrais',
    updateFailed: 'Rodinio atnaujinti nepavyko',
    allMyTeams: 'Visos mano komandos',
    customer: 'Klientas',
    customerPlaceholder: 'Ieškoti pagal vardą, el. paštą ar telefoną…',
    removeTag: 'Pašalinti žymą…',
  },
  sk: {
    shareWith: 'Zdieľať s',
    onlyMe: 'Iba ja',
    sharedBy: 'Zdieľa {{name}}',
    saveFailed: 'Zobrazenie sa nepodarilo uložiť',
    deleteFailed: 'Zobrazenie sa nepodarilo odstrániť',
    moreThan: 'viac ako {{count}}',
    updateView: 'Aktualizovať zobrazenie týmito filtrami',
    updateFailed: 'Zobrazenie sa nepodarilo aktualizovať',
    allMyTeams: 'Všetky moje tímy',
    customer: 'Zákazník',
    customerPlaceholder: 'Hľadať podľa mena, e-mailu alebo telefónu…',
    removeTag: 'Odstrániť štítok…',
  },
  pl: {
    shareWith: 'Udostępnij',
    onlyMe: 'Tylko ja',
    sharedBy: 'Udostępnia {{name}}',
    saveFailed: 'Nie udało się zapisać widoku',
    deleteFailed: 'Nie udało się usunąć widoku',
    moreThan: 'ponad {{count}}',
    updateView: 'Zaktualizuj widok tymi filtrami',
    updateFailed: 'Nie udało się zaktualizować widoku',
    allMyTeams: 'Wszystkie moje zespoły',
    customer: 'Klient',
    customerPlaceholder: 'Szukaj po nazwisku, e-mailu lub telefonie…',
    removeTag: 'Usuń tag…',
  },
  hu: {
    shareWith: 'Megosztás',
    onlyMe: 'Csak én',
    sharedBy: 'Megosztotta: {{name}}',
    saveFailed: 'A nézetet nem sikerült menteni',
    deleteFailed: 'A nézetet nem sikerült törölni',
    moreThan: 'több mint {{count}}',
    updateView: 'Nézet frissítése ezekkel a szűrőkkel',
    updateFailed: 'A nézetet nem sikerült frissíteni',
    allMyTeams: 'Minden csapatom',
    customer: 'Ügyfél',
    customerPlaceholder: 'Keresés név, e-mail vagy telefon alapján…',
    removeTag: 'Címke eltávolítása…',
  },
};

export function useInboxText() {
  const { i18n } = useTranslation();
  const language = (i18n.language in texts ? i18n.language : 'en') as SupportedLanguage;
  const text = (key: keyof InboxTexts, values: Record<string, string | number> = {}) =>
    texts[language][key].replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(values[name] ?? ''));
  return { text };
}
