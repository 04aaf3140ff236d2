/** Every text a visitor sees, in every language we ship. Keys are the same in each language. */

export const languages = ['en', 'lt', 'sk', 'pl', 'hu'] as const;
export type Language = (typeof languages)[number];

export const languageNames: Record<Language, string> = {
  en: 'English',
  lt: 'Lietuvių',
  sk: 'Slovenčina',
  pl: 'Polski',
  hu: 'Magyar',
};

const en = {
  launcherOpen: 'Chat with us',
  title: 'Chat with us',
  close: 'Close',
  intro: 'Ask us anything — a person will answer.',
  expectedWait: 'Expected wait: {wait}',
  name: 'Your name',
  email: 'Email',
  emailOptional: 'Email (optional, for a copy of the chat)',
  language: 'Language',
  message: 'Your message',
  startChat: 'Start chat',
  offlineClosed: 'We are closed right now. Leave a message and we will answer by email.',
  offlineNoAgents: 'Nobody can chat right now. Leave a message and we will answer by email.',
  sendRequest: 'Send message',
  requestSent: 'Thank you! Your reference is #{reference}. We will answer by email: {wait}.',
  queue: 'You are number {position} in line. Expected wait: {wait}.',
  queueNoWait: 'You are number {position} in line.',
  agentJoined: '{name} joined the chat.',
  typing: '{name} is typing…',
  someone: 'Support',
  you: 'You',
  messages: 'Messages',
  composer: 'Type your message',
  send: 'Send',
  attach: 'Attach a file',
  sending: 'Sending…',
  notSent: 'Not sent: {reason}',
  retry: 'Retry',
  read: 'Read',
  reconnecting: 'Connection lost. Reconnecting…',
  ended: 'The chat has ended.',
  endChat: 'End chat',
  newChat: 'Start a new chat',
  transcript: 'Email me the transcript',
  transcriptSent: 'The transcript is on its way to {email}.',
  fileTooLarge: 'The file is larger than 10 MB.',
  fileType: 'Only images, PDF and text files can be sent.',
  attachment: 'Attachment: {name}',
  required: 'Please fill this in.',
  nameRequired: 'Please enter your name.',
  emailRequired: 'Please enter your email address.',
  emailInvalid: 'This does not look like an email address, e.g. name@example.com.',
  messageShort: 'Please write at least {minimum} characters.',
  fixFields: 'Please correct the marked fields.',
  failed: 'Something went wrong. Please try again.',
  tooFast: 'Please wait a moment and try again.',
  topic: 'Topic',
  topicChoose: 'Choose a topic',
  topic_question: 'A question',
  topic_order: 'My order',
  topic_billing: 'Billing and payment',
  topic_technical: 'Technical problem',
  topic_complaint: 'Complaint',
  topic_other: 'Something else',
  attachments: 'Attachments (images, PDF or text, up to 10 MB each)',
  removeFile: 'Remove {name}',
  submit: 'Send',
  formSent:
    'Thank you! Your reference is #{reference}. Expect our answer {wait}. We have sent this to your email too.',
  waitPhrase: 'about {p50}, at the latest {p90}',
};
export type TextKey = keyof typeof en;

const lt: Record<TextKey, string> = {
  launcherOpen: 'Pokalbis su mumis',
  title: 'Pokalbis su mumis',
  close: 'Uždaryti',
  intro: 'Klauskite ko norite – atsakys žmogus.',
  expectedWait: 'Numatomas laukimas: {wait}',
  name: 'Jūsų vardas',
  email: 'El. paštas',
  emailOptional: 'El. paštas (nebūtina, pokalbio kopijai)',
  language: 'Kalba',
  message: 'Jūsų žinutė',
  startChat: 'Pradėti pokalbį',
  offlineClosed: 'Šiuo metu nedirbame. Palikite žinutę ir atsakysime el. paštu.',
  offlineNoAgents: 'Šiuo metu niekas negali kalbėtis. Palikite žinutę ir atsakysime el. paštu.',
  sendRequest: 'Siųsti žinutę',
  requestSent: 'Ačiū! Jūsų užklausos numeris – #{reference}. Atsakysime el. paštu: {wait}.',
  queue: 'Jūs esate {position}-as eilėje. Numatomas laukimas: {wait}.',
  queueNoWait: 'Jūs esate {position}-as eilėje.',
  agentJoined: '{name} prisijungė prie pokalbio.',
  typing: '{name} rašo…',
  someone: 'Pagalba',
  you: 'Jūs',
  messages: 'Žinutės',
  composer: 'Rašykite žinutę',
  send: 'Siųsti',
  attach: 'Pridėti failą',
  sending: 'Siunčiama…',
  notSent: 'Neišsiųsta: {reason}',
  retry: 'Bandyti dar kartą',
  read: 'Perskaityta',
  reconnecting: 'Ryšys nutrūko. Jungiamasi iš naujo…',
  ended: 'Pokalbis baigtas.',
  endChat: 'Baigti pokalbį',
  newChat: 'Pradėti naują pokalbį',
  transcript: 'Atsiųsti pokalbio įrašą el. paštu',
  transcriptSent: 'Pokalbio įrašas siunčiamas adresu {email}.',
  fileTooLarge: 'Failas didesnis nei 10 MB.',
  fileType: 'Galima siųsti tik paveikslėlius, PDF ir tekstinius failus.',
  attachment: 'Priedas: {name}',
  required: 'Užpildykite šį lauką.',
  nameRequired: 'Įveskite savo vardą.',
  emailRequired: 'Įveskite el. pašto adresą.',
  emailInvalid: 'Tai nepanašu į el. pašto adresą, pvz., vardas@pavyzdys.lt.',
  messageShort: 'Parašykite bent {minimum} simbolių.',
  fixFields: 'Pataisykite pažymėtus laukus.',
  failed: 'Kažkas nepavyko. Bandykite dar kartą.',
  tooFast: 'Palaukite akimirką ir bandykite dar kartą.',
  topic: 'Tema',
  topicChoose: 'Pasirinkite temą',
  topic_question: 'Klausimas',
  topic_order: 'Mano užsakymas',
  topic_billing: 'Sąskaitos ir mokėjimai',
  topic_technical: 'Techninė problema',
  topic_complaint: 'Skundas',
  topic_other: 'Kita',
  attachments: 'Priedai (paveikslėliai, PDF ar tekstas, iki 10 MB kiekvienas)',
  removeFile: 'Pašalinti {name}',
  submit: 'Siųsti',
  formSent:
    'Ačiū! Jūsų užklausos numeris – #{reference}. Atsakymo tikėkitės: {wait}. Tą patį išsiuntėme ir el. paštu.',
  waitPhrase: 'maždaug {p50}, daugiausia {p90}',
};

const sk: Record<TextKey, string> = {
  launcherOpen: 'Napíšte nám v chate',
  title: 'Chat s nami',
  close: 'Zavrieť',
  intro: 'Opýtajte sa na čokoľvek – odpovie vám človek.',
  expectedWait: 'Predpokladané čakanie: {wait}',
  name: 'Vaše meno',
  email: 'E-mail',
  emailOptional: 'E-mail (nepovinný, pre kópiu chatu)',
  language: 'Jazyk',
  message: 'Vaša správa',
  startChat: 'Začať chat',
  offlineClosed: 'Momentálne máme zatvorené. Nechajte nám správu a odpovieme e-mailom.',
  offlineNoAgents: 'Momentálne nikto nemôže chatovať. Nechajte nám správu a odpovieme e-mailom.',
  sendRequest: 'Odoslať správu',
  requestSent: 'Ďakujeme! Číslo vašej požiadavky je #{reference}. Odpovieme e-mailom: {wait}.',
  queue: 'Ste {position}. v poradí. Predpokladané čakanie: {wait}.',
  queueNoWait: 'Ste {position}. v poradí.',
  agentJoined: '{name} sa pripojil(a) k chatu.',
  typing: '{name} píše…',
  someone: 'Podpora',
  you: 'Vy',
  messages: 'Správy',
  composer: 'Napíšte správu',
  send: 'Odoslať',
  attach: 'Priložiť súbor',
  sending: 'Odosiela sa…',
  notSent: 'Neodoslané: {reason}',
  retry: 'Skúsiť znova',
  read: 'Prečítané',
  reconnecting: 'Spojenie sa prerušilo. Pripájame sa znova…',
  ended: 'Chat sa skončil.',
  endChat: 'Ukončiť chat',
  newChat: 'Začať nový chat',
  transcript: 'Poslať záznam chatu e-mailom',
  transcriptSent: 'Záznam chatu posielame na {email}.',
  fileTooLarge: 'Súbor je väčší ako 10 MB.',
  fileType: 'Poslať možno len obrázky, PDF a textové súbory.',
  attachment: 'Príloha: {name}',
  required: 'Vyplňte toto pole.',
  nameRequired: 'Zadajte svoje meno.',
  emailRequired: 'Zadajte svoju e-mailovú adresu.',
  emailInvalid: 'Toto nevyzerá ako e-mailová adresa, napr. meno@priklad.sk.',
  messageShort: 'Napíšte aspoň {minimum} znakov.',
  fixFields: 'Opravte označené polia.',
  failed: 'Niečo sa nepodarilo. Skúste to znova.',
  tooFast: 'Chvíľu počkajte a skúste to znova.',
  topic: 'Téma',
  topicChoose: 'Vyberte tému',
  topic_question: 'Otázka',
  topic_order: 'Moja objednávka',
  topic_billing: 'Faktúry a platby',
  topic_technical: 'Technický problém',
  topic_complaint: 'Sťažnosť',
  topic_other: 'Niečo iné',
  attachments: 'Prílohy (obrázky, PDF alebo text, každá do 10 MB)',
  removeFile: 'Odstrániť {name}',
  submit: 'Odoslať',
  formSent:
    'Ďakujeme! Číslo vašej požiadavky je #{reference}. Odpoveď čakajte {wait}. Poslali sme vám to aj e-mailom.',
  waitPhrase: 'približne {p50}, najviac {p90}',
};

const pl: Record<TextKey, string> = {
  launcherOpen: 'Porozmawiaj z nami',
  title: 'Czat z nami',
  close: 'Zamknij',
  intro: 'Zapytaj o cokolwiek – odpowie człowiek.',
  expectedWait: 'Przewidywany czas oczekiwania: {wait}',
  name: 'Imię i nazwisko',
  email: 'E-mail',
  emailOptional: 'E-mail (opcjonalnie, do kopii czatu)',
  language: 'Język',
  message: 'Twoja wiadomość',
  startChat: 'Rozpocznij czat',
  offlineClosed: 'Teraz jesteśmy zamknięci. Zostaw wiadomość, a odpowiemy e-mailem.',
  offlineNoAgents: 'Nikt nie może teraz rozmawiać. Zostaw wiadomość, a odpowiemy e-mailem.',
  sendRequest: 'Wyślij wiadomość',
  requestSent: 'Dziękujemy! Numer Twojego zgłoszenia to #{reference}. Odpowiemy e-mailem: {wait}.',
  queue: 'Jesteś {position}. w kolejce. Przewidywany czas oczekiwania: {wait}.',
  queueNoWait: 'Jesteś {position}. w kolejce.',
  agentJoined: '{name} dołącza do czatu.',
  typing: '{name} pisze…',
  someone: 'Obsługa',
  you: 'Ty',
  messages: 'Wiadomości',
  composer: 'Napisz wiadomość',
  send: 'Wyślij',
  attach: 'Dołącz plik',
  sending: 'Wysyłanie…',
  notSent: 'Nie wysłano: {reason}',
  retry: 'Spróbuj ponownie',
  read: 'Przeczytano',
  reconnecting: 'Utracono połączenie. Łączymy ponownie…',
  ended: 'Czat się zakończył.',
  endChat: 'Zakończ czat',
  newChat: 'Rozpocznij nowy czat',
  transcript: 'Wyślij mi zapis czatu e-mailem',
  transcriptSent: 'Zapis czatu jest w drodze na adres {email}.',
  fileTooLarge: 'Plik jest większy niż 10 MB.',
  fileType: 'Można wysyłać tylko obrazy, pliki PDF i tekstowe.',
  attachment: 'Załącznik: {name}',
  required: 'Wypełnij to pole.',
  nameRequired: 'Podaj swoje imię i nazwisko.',
  emailRequired: 'Podaj adres e-mail.',
  emailInvalid: 'To nie wygląda na adres e-mail, np. imie@przyklad.pl.',
  messageShort: 'Napisz co najmniej {minimum} znaków.',
  fixFields: 'Popraw zaznaczone pola.',
  failed: 'Coś poszło nie tak. Spróbuj ponownie.',
  tooFast: 'Poczekaj chwilę i spróbuj ponownie.',
  topic: 'Temat',
  topicChoose: 'Wybierz temat',
  topic_question: 'Pytanie',
  topic_order: 'Moje zamówienie',
  topic_billing: 'Rachunki i płatności',
  topic_technical: 'Problem techniczny',
  topic_complaint: 'Reklamacja',
  topic_other: 'Coś innego',
  attachments: 'Załączniki (obrazy, PDF lub tekst, każdy do 10 MB)',
  removeFile: 'Usuń {name}',
  submit: 'Wyślij',
  formSent:
    'Dziękujemy! Numer Twojego zgłoszenia to #{reference}. Odpowiedź: {wait}. Wysłaliśmy to również e-mailem.',
  waitPhrase: 'mniej więcej {p50}, najwyżej {p90}',
};

const hu: Record<TextKey, string> = {
  launcherOpen: 'Csevegjen velünk',
  title: 'Csevegés',
  close: 'Bezárás',
  intro: 'Kérdezzen bármit – egy munkatársunk válaszol.',
  expectedWait: 'Várható várakozás: {wait}',
  name: 'Az Ön neve',
  email: 'E-mail',
  emailOptional: 'E-mail (nem kötelező, a csevegés másolatához)',
  language: 'Nyelv',
  message: 'Az Ön üzenete',
  startChat: 'Csevegés indítása',
  offlineClosed: 'Most zárva vagyunk. Hagyjon üzenetet, és e-mailben válaszolunk.',
  offlineNoAgents: 'Most senki sem tud csevegni. Hagyjon üzenetet, és e-mailben válaszolunk.',
  sendRequest: 'Üzenet küldése',
  requestSent: 'Köszönjük! Az ügy azonosítója: #{reference}. E-mailben válaszolunk: {wait}.',
  queue: 'Ön a(z) {position}. a sorban. Várható várakozás: {wait}.',
  queueNoWait: 'Ön a(z) {position}. a sorban.',
  agentJoined: '{name} csatlakozott a csevegéshez.',
  typing: '{name} ír…',
  someone: 'Ügyfélszolgálat',
  you: 'Ön',
  messages: 'Üzenetek',
  composer: 'Írja be az üzenetét',
  send: 'Küldés',
  attach: 'Fájl csatolása',
  sending: 'Küldés…',
  notSent: 'Nem ment el: {reason}',
  retry: 'Újra',
  read: 'Olvasva',
  reconnecting: 'Megszakadt a kapcsolat. Újracsatlakozás…',
  ended: 'A csevegés véget ért.',
  endChat: 'Csevegés befejezése',
  newChat: 'Új csevegés indítása',
  transcript: 'Küldjék el e-mailben az átiratot',
  transcriptSent: 'Az átiratot elküldjük ide: {email}.',
  fileTooLarge: 'A fájl nagyobb 10 MB-nál.',
  fileType: 'Csak képek, PDF- és szövegfájlok küldhetők.',
  attachment: 'Melléklet: {name}',
  required: 'Kérjük, töltse ki ezt a mezőt.',
  nameRequired: 'Kérjük, adja meg a nevét.',
  emailRequired: 'Kérjük, adja meg az e-mail-címét.',
  emailInvalid: 'Ez nem tűnik e-mail-címnek, pl. nev@pelda.hu.',
  messageShort: 'Kérjük, írjon legalább {minimum} karaktert.',
  fixFields: 'Kérjük, javítsa a megjelölt mezőket.',
  failed: 'Valami hiba történt. Kérjük, próbálja újra.',
  tooFast: 'Kérjük, várjon egy kicsit, és próbálja újra.',
  topic: 'Téma',
  topicChoose: 'Válasszon témát',
  topic_question: 'Kérdés',
  topic_order: 'A rendelésem',
  topic_billing: 'Számlázás és fizetés',
  topic_technical: 'Műszaki probléma',
  topic_complaint: 'Panasz',
  topic_other: 'Egyéb',
  attachments: 'Mellékletek (képek, PDF vagy szöveg, egyenként legfeljebb 10 MB)',
  removeFile: '{name} eltávolítása',
  submit: 'Küldés',
  formSent:
    'Köszönjük! Az ügy azonosítója: #{reference}. Válaszunkra számíthat: {wait}. Ezt e-mailben is elküldtük.',
  waitPhrase: 'körülbelül {p50}, legfeljebb {p90}',
};

export const dictionaries: Record<Language, Record<TextKey, string>> = { en, lt, sk, pl, hu };

/** The visitor's language: an explicit choice if we ship it, else the browser's, else English. */
export function pickLanguage(...candidates: (string | null | undefined)[]): Language {
  for (const candidate of candidates) {
    const code = (candidate ?? '').slice(0, 2).toLowerCase();
    if ((languages as readonly string[]).includes(code)) return code as Language;
  }
  return 'en';
}

export function translate(
  language: Language,
  key: TextKey,
  values: Record<string, string | number> = {},
): string {
  return dictionaries[language][key].replace(/\{(\w+)\}/g, (_match, name: string) =>
    String(values[name] ?? ''),
  );
}

/** A duration as people say it, with the language's own plural forms (ICU). */
export function formatDuration(seconds: number, language: Language): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  let value = minutes;
  let unit: 'minute' | 'hour' | 'day' = 'minute';
  if (minutes >= 10 && minutes < 90) value = Math.round(minutes / 5) * 5;
  else if (minutes >= 90) {
    const hours = Math.round(minutes / 60);
    [value, unit] = hours < 36 ? [hours, 'hour'] : [Math.round(hours / 24), 'day'];
  }
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** A file's size as people read it: "12 kB", "3.4 MB" in the language's own number format. */
export function formatFileSize(bytes: number, language: Language): string {
  const isLarge = bytes >= 1_048_576;
  const value = isLarge ? bytes / 1_048_576 : Math.max(1, Math.round(bytes / 1024));
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: isLarge ? 'megabyte' : 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

/** "about 5 minutes, at the latest 15 minutes" (just one duration when both round alike). */
export function formatWait(wait: { p50Seconds: number; p90Seconds: number }, language: Language): string {
  const p50 = formatDuration(wait.p50Seconds, language);
  const p90 = formatDuration(Math.max(wait.p90Seconds, wait.p50Seconds), language);
  return p50 === p90 ? p50 : translate(language, 'waitPhrase', { p50, p90 });
}

/** The visitor's IANA time zone, so the server words "tomorrow after 9:00" in their time. */
export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}
