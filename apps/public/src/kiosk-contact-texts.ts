import type { SupportedLanguage } from '@frontline/contracts';

/** Texts of the kiosk's optional "tell me when it is my turn" step, per language. */
const en = {
  title: 'Get a text or an email when it is your turn',
  intro: 'Optional. Leave a mobile number or an email address, or skip this step.',
  phone: 'Mobile number (with country code, e.g. +370…)',
  email: 'Email address',
  submit: 'Get my ticket',
  skip: 'Skip, no message',
  back: 'Back',
  invalidPhone:
    'This does not look like a mobile number. Write it with the country code, e.g. +370 612 34567.',
  invalidEmail: 'This does not look like an email address, e.g. name@example.com.',
  willText: 'We will text you when your turn is near and when you are called.',
  willEmail: 'We will email you when your turn is near and when you are called.',
  willTextAndEmail: 'We will text and email you when your turn is near and when you are called.',
};
export type KioskContactTexts = typeof en;

const lt: KioskContactTexts = {
  title: 'Gaukite SMS arba el. laišką, kai ateis jūsų eilė',
  intro: 'Nebūtina. Palikite mobiliojo telefono numerį arba el. pašto adresą, arba praleiskite šį žingsnį.',
  phone: 'Mobiliojo telefono numeris (su šalies kodu, pvz., +370…)',
  email: 'El. pašto adresas',
  submit: 'Gauti bilietą',
  skip: 'Praleisti, pranešimų nereikia',
  back: 'Atgal',
  invalidPhone:
    'Tai nepanašu į mobiliojo telefono numerį. Įrašykite jį su šalies kodu, pvz., +370 612 34567.',
  invalidEmail: 'Tai nepanašu į el. pašto adresą, pvz., vardas@pavyzdys.lt.',
  willText: 'Atsiųsime SMS, kai jūsų eilė artės ir kai būsite pakviesti.',
  willEmail: 'Atsiųsime el. laišką, kai jūsų eilė artės ir kai būsite pakviesti.',
  willTextAndEmail: 'Atsiųsime SMS ir el. laišką, kai jūsų eilė artės ir kai būsite pakviesti.',
};

const sk: KioskContactTexts = {
  title: 'Dostaňte SMS alebo e-mail, keď príde váš rad',
  intro: 'Nepovinné. Zadajte číslo mobilu alebo e-mailovú adresu, alebo tento krok preskočte.',
  phone: 'Číslo mobilu (s predvoľbou krajiny, napr. +421…)',
  email: 'E-mailová adresa',
  submit: 'Získať lístok',
  skip: 'Preskočiť, bez správy',
  back: 'Späť',
  invalidPhone: 'Toto nevyzerá ako číslo mobilu. Napíšte ho s predvoľbou krajiny, napr. +421 912 345 678.',
  invalidEmail: 'Toto nevyzerá ako e-mailová adresa, napr. meno@priklad.sk.',
  willText: 'Pošleme vám SMS, keď sa bude blížiť váš rad a keď vás zavoláme.',
  willEmail: 'Pošleme vám e-mail, keď sa bude blížiť váš rad a keď vás zavoláme.',
  willTextAndEmail: 'Pošleme vám SMS aj e-mail, keď sa bude blížiť váš rad a keď vás zavoláme.',
};

const pl: KioskContactTexts = {
  title: 'Otrzymaj SMS lub e-mail, gdy nadejdzie Twoja kolej',
  intro: 'Opcjonalnie. Podaj numer komórki lub adres e-mail albo pomiń ten krok.',
  phone: 'Numer komórki (z kodem kraju, np. +48…)',
  email: 'Adres e-mail',
  submit: 'Pobierz bilet',
  skip: 'Pomiń, bez wiadomości',
  back: 'Wstecz',
  invalidPhone: 'To nie wygląda na numer komórki. Wpisz go z kodem kraju, np. +48 512 345 678.',
  invalidEmail: 'To nie wygląda na adres e-mail, np. imie@przyklad.pl.',
  willText: 'Wyślemy Ci SMS, gdy Twoja kolej będzie blisko i gdy zostaniesz wezwany.',
  willEmail: 'Wyślemy Ci e-mail, gdy Twoja kolej będzie blisko i gdy zostaniesz wezwany.',
  willTextAndEmail: 'Wyślemy Ci SMS i e-mail, gdy Twoja kolej będzie blisko i gdy zostaniesz wezwany.',
};

const hu: KioskContactTexts = {
  title: 'Kérjen SMS-t vagy e-mailt, amikor Ön következik',
  intro: 'Nem kötelező. Adja meg mobilszámát vagy e-mail-címét, vagy hagyja ki ezt a lépést.',
  phone: 'Mobilszám (országhívószámmal, pl. +36…)',
  email: 'E-mail-cím',
  submit: 'Kérem a sorszámot',
  skip: 'Kihagyom, nem kérek értesítést',
  back: 'Vissza',
  invalidPhone: 'Ez nem tűnik mobilszámnak. Írja be országhívószámmal, pl. +36 30 123 4567.',
  invalidEmail: 'Ez nem tűnik e-mail-címnek, pl. nev@pelda.hu.',
  willText: 'SMS-t küldünk, amikor közeledik a sora, és amikor szólítjuk.',
  willEmail: 'E-mailt küldünk, amikor közeledik a sora, és amikor szólítjuk.',
  willTextAndEmail: 'SMS-t és e-mailt küldünk, amikor közeledik a sora, és amikor szólítjuk.',
};

export const kioskContactTexts: Record<SupportedLanguage, KioskContactTexts> = { en, lt, sk, pl, hu };

/** At least six digits, optionally a leading +, and only the separators people type. */
export const looksLikePhone = (value: string) =>
  /^\+?[\d\s().-]+$/.test(value) && value.replace(/\D/g, '').length >= 6;
/** Something@something.tld: the server has the last word, this only catches typos early. */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(value);
