import type { SupportedLanguage } from '@frontline/contracts';
import { useTranslation } from 'react-i18next';

/**
 * Texts of attaching files in the composer and showing them in the timeline, kept beside the
 * feature so the workspace's locale files stay untouched; they follow the agent's UI language.
 */
const en = {
  attach: 'Attach files',
  attachHint: 'Images, PDF or text, up to {{limit}} each. You can also drop or paste files here.',
  dropHere: 'Drop files to attach them',
  attachments: 'Attachments',
  remove: 'Remove {{name}}',
  uploading: 'Uploading…',
  uploaded: 'Ready to send',
  tooLarge: 'Larger than {{limit}}: this file cannot be attached.',
  typeRefused: 'Only images (PNG, JPEG, GIF, WebP), PDF and plain text files can be attached.',
  tooMany: 'At most {{count}} files can go with one message.',
  failed: 'Upload failed: {{reason}}',
  waitForUploads: 'Wait until the files finish uploading.',
  removeFailed: 'Remove the files that could not be attached before sending.',
  open: 'Open {{name}}',
  download: 'Download {{name}}',
};
type AttachmentTexts = typeof en;

const texts: Record<SupportedLanguage, AttachmentTexts> = {
  en,
  lt: {
    attach: 'Pridėti failus',
    attachHint:
      'Paveikslėliai, PDF ar tekstas, kiekvienas iki {{limit}}. Failus galite ir nutempti ar įklijuoti čia.',
    dropHere: 'Paleiskite failus, kad juos pridėtumėte',
    attachments: 'Priedai',
    remove: 'Pašalinti {{name}}',
    uploading: 'Įkeliama…',
    uploaded: 'Paruošta siųsti',
    tooLarge: 'Didesnis nei {{limit}}: šio failo pridėti negalima.',
    typeRefused: 'Galima pridėti tik paveikslėlius (PNG, JPEG, GIF, WebP), PDF ir paprasto teksto failus.',
    tooMany: 'Prie vienos žinutės galima pridėti ne daugiau kaip {{count}} failų.',
    failed: 'Įkelti nepavyko: {{reason}}',
    waitForUploads: 'Palaukite, kol failai bus įkelti.',
    removeFailed: 'Prieš siųsdami pašalinkite failus, kurių nepavyko pridėti.',
    open: 'Atidaryti {{name}}',
    download: 'Atsisiųsti {{name}}',
  },
  sk: {
    attach: 'Priložiť súbory',
    attachHint: 'Obrázky, PDF alebo text, každý do {{limit}}. Súbory môžete sem aj pretiahnuť alebo vložiť.',
    dropHere: 'Pustite súbory a priložia sa',
    attachments: 'Prílohy',
    remove: 'Odstrániť {{name}}',
    uploading: 'Nahráva sa…',
    uploaded: 'Pripravené na odoslanie',
    tooLarge: 'Väčší ako {{limit}}: tento súbor nemožno priložiť.',
    typeRefused: 'Priložiť možno len obrázky (PNG, JPEG, GIF, WebP), PDF a textové súbory.',
    tooMany: 'K jednej správe možno priložiť najviac {{count}} súborov.',
    failed: 'Nahrávanie zlyhalo: {{reason}}',
    waitForUploads: 'Počkajte, kým sa súbory nahrajú.',
    removeFailed: 'Pred odoslaním odstráňte súbory, ktoré sa nepodarilo priložiť.',
    open: 'Otvoriť {{name}}',
    download: 'Stiahnuť {{name}}',
  },
  pl: {
    attach: 'Dołącz pliki',
    attachHint: 'Obrazy, PDF lub tekst, każdy do {{limit}}. Pliki można też tu upuścić lub wkleić.',
    dropHere: 'Upuść pliki, aby je dołączyć',
    attachments: 'Załączniki',
    remove: 'Usuń {{name}}',
    uploading: 'Przesyłanie…',
    uploaded: 'Gotowe do wysłania',
    tooLarge: 'Większy niż {{limit}}: tego pliku nie można dołączyć.',
    typeRefused: 'Można dołączać tylko obrazy (PNG, JPEG, GIF, WebP), pliki PDF i zwykły tekst.',
    tooMany: 'Do jednej wiadomości można dołączyć najwyżej {{count}} plików.',
    failed: 'Przesyłanie nie powiodło się: {{reason}}',
    waitForUploads: 'Poczekaj, aż pliki się prześlą.',
    removeFailed: 'Przed wysłaniem usuń pliki, których nie udało się dołączyć.',
    open: 'Otwórz {{name}}',
    download: 'Pobierz {{name}}',
  },
  hu: {
    attach: 'Fájlok csatolása',
    attachHint:
      'Képek, PDF vagy szöveg, egyenként legfeljebb {{limit}}. A fájlokat ide is húzhatja vagy beillesztheti.',
    dropHere: 'Engedje el a fájlokat a csatoláshoz',
    attachments: 'Mellékletek',
    remove: '{{name}} eltávolítása',
    uploading: 'Feltöltés…',
    uploaded: 'Küldésre kész',
    tooLarge: 'Nagyobb, mint {{limit}}: ez a fájl nem csatolható.',
    typeRefused: 'Csak képek (PNG, JPEG, GIF, WebP), PDF és egyszerű szöveges fájlok csatolhatók.',
    tooMany: 'Egy üzenethez legfeljebb {{count}} fájl csatolható.',
    failed: 'A feltöltés nem sikerült: {{reason}}',
    waitForUploads: 'Várja meg, amíg a fájlok feltöltődnek.',
    removeFailed: 'Küldés előtt távolítsa el a nem csatolható fájlokat.',
    open: '{{name}} megnyitása',
    download: '{{name}} letöltése',
  },
};

export type AttachmentTextKey = keyof AttachmentTexts;

export function useAttachmentText() {
  const { i18n } = useTranslation();
  const language = (i18n.language in texts ? i18n.language : 'en') as SupportedLanguage;
  const text = (key: AttachmentTextKey, values: Record<string, string | number> = {}) =>
    texts[language][key].replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(values[name] ?? ''));
  return { text, language };
}
