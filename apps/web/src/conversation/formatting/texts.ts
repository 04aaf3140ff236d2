import type { SupportedLanguage } from '@frontline/contracts';
import { useTranslation } from 'react-i18next';

/**
 * Texts of the composer's formatting toolbar and preview, kept beside the feature so the
 * workspace's locale files stay untouched; they follow the agent's UI language.
 */
const en = {
  toolbar: 'Formatting',
  bold: 'Bold (Ctrl+B)',
  italic: 'Italic (Ctrl+I)',
  bulletList: 'Bulleted list',
  numberedList: 'Numbered list',
  link: 'Link (Ctrl+K)',
  quote: 'Quote',
  code: 'Inline code',
  preview: 'Preview',
  edit: 'Edit',
  previewEmpty: 'Nothing to preview yet.',
  linkTitle: 'Insert a link',
  linkUrl: 'Web or email address',
  linkUrlHint: 'https://… or mailto:…',
  linkInvalid: 'Use an address starting with https://, http:// or mailto:',
  linkInsert: 'Insert link',
  linkText: 'link',
  placeholder: 'text',
  formattingHint: 'Formatting: **bold**, *italic*, - list, [text](https://…)',
};
type FormattingTexts = typeof en;

const texts: Record<SupportedLanguage, FormattingTexts> = {
  en,
  lt: {
    toolbar: 'Formatavimas',
    bold: 'Paryškinti (Ctrl+B)',
    italic: 'Kursyvas (Ctrl+I)',
    bulletList: 'Sąrašas su ženkleliais',
    numberedList: 'Numeruotas sąrašas',
    link: 'Nuoroda (Ctrl+K)',
    quote: 'Citata',
    code: 'Kodas tekste',
    preview: 'Peržiūra',
    edit: 'Redaguoti',
    previewEmpty: 'Kol kas nėra ką peržiūrėti.',
    linkTitle: 'Įterpti nuorodą',
    linkUrl: 'Svetainės arba el. pašto adresas',
    linkUrlHint: 'https://… arba mailto:…',
    linkInvalid: 'Adresas turi prasidėti https://, http:// arba mailto:',
    linkInsert: 'Įterpti nuorodą',
    linkText: 'nuoroda',
    placeholder: 'tekstas',
    formattingHint: 'Formatavimas: **paryškinta**, *kursyvas*, - sąrašas, [tekstas](https://…)',
  },
  sk: {
    toolbar: 'Formátovanie',
    bold: 'Tučné (Ctrl+B)',
    italic: 'Kurzíva (Ctrl+I)',
    bulletList: 'Odrážkový zoznam',
    numberedList: 'Číslovaný zoznam',
    link: 'Odkaz (Ctrl+K)',
    quote: 'Citácia',
    code: 'Kód v texte',
    preview: 'Náhľad',
    edit: 'Upraviť',
    previewEmpty: 'Zatiaľ nie je čo zobraziť.',
    linkTitle: 'Vložiť odkaz',
    linkUrl: 'Webová alebo e-mailová adresa',
    linkUrlHint: 'https://… alebo mailto:…',
    linkInvalid: 'Adresa musí začínať https://, http:// alebo mailto:',
    linkInsert: 'Vložiť odkaz',
    linkText: 'odkaz',
    placeholder: 'text',
    formattingHint: 'Formátovanie: **tučné**, *kurzíva*, - zoznam, [text](https://…)',
  },
  pl: {
    toolbar: 'Formatowanie',
    bold: 'Pogrubienie (Ctrl+B)',
    italic: 'Kursywa (Ctrl+I)',
    bulletList: 'Lista punktowana',
    numberedList: 'Lista numerowana',
    link: 'Link (Ctrl+K)',
    quote: 'Cytat',
    code: 'Kod w tekście',
    preview: 'Podgląd',
    edit: 'Edytuj',
    previewEmpty: 'Na razie nie ma czego podglądać.',
    linkTitle: 'Wstaw link',
    linkUrl: 'Adres strony lub e-mail',
    linkUrlHint: 'https://… lub mailto:…',
    linkInvalid: 'Adres musi zaczynać się od https://, http:// lub mailto:',
    linkInsert: 'Wstaw link',
    linkText: 'link',
    placeholder: 'tekst',
    formattingHint: 'Formatowanie: **pogrubienie**, *kursywa*, - lista, [tekst](https://…)',
  },
  hu: {
    toolbar: 'Formázás',
    bold: 'Félkövér (Ctrl+B)',
    italic: 'Dőlt (Ctrl+I)',
    bulletList: 'Felsorolás',
    numberedList: 'Számozott lista',
    link: 'Hivatkozás (Ctrl+K)',
    quote: 'Idézet',
    code: 'Kód a szövegben',
    preview: 'Előnézet',
    edit: 'Szerkesztés',
    previewEmpty: 'Még nincs mit megjeleníteni.',
    linkTitle: 'Hivatkozás beszúrása',
    linkUrl: 'Webcím vagy e-mail-cím',
    linkUrlHint: 'https://… vagy mailto:…',
    linkInvalid: 'A cím https://, http:// vagy mailto: előtaggal kezdődjön',
    linkInsert: 'Hivatkozás beszúrása',
    linkText: 'hivatkozás',
    placeholder: 'szöveg',
    formattingHint: 'Formázás: **félkövér**, *dőlt*, - lista, [szöveg](https://…)',
  },
};

export type FormattingTextKey = keyof FormattingTexts;

export function useFormattingText() {
  const { i18n } = useTranslation();
  const language = (i18n.language in texts ? i18n.language : 'en') as SupportedLanguage;
  const text = (key: FormattingTextKey) => texts[language][key];
  return { text, language };
}
