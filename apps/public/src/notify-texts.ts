import type { SupportedLanguage } from '@frontline/contracts';

/** Texts of "tell me when my turn is near" on the tracking page, per language. */
const en = {
  title: 'Get a message when your turn is near',
  hint: 'Leave a mobile number, an email address, or both. We also tell you when you are called.',
  phone: 'Mobile number (with country code)',
  email: 'Email address',
  save: 'Notify me',
  saving: 'Saving…',
  saved: 'We will let you know when your turn is near and when you are called.',
  needContact: 'Leave a mobile number or an email address.',
  invalidPhone:
    'This does not look like a mobile number. Write it with the country code, e.g. +370 612 34567.',
  invalidEmail: 'This does not look like an email address.',
  failed: 'Sorry, that did not work. Please try again.',
};
export type NotifyTexts = typeof en;

const lt: NotifyTexts = {
  title: 'Gaukite pranešimą, kai jūsų eilė artės',
  hint: 'Palikite mobiliojo telefono numerį, el. pašto adresą arba abu. Pranešime ir tada, kai būsite pakviesti.',
  phone: 'Mobiliojo telefono numeris (su šalies kodu)',
  email: 'El. pašto adresas',
  save: 'Pranešti man',
  saving: 'Išsaugoma…',
  saved: 'Pranešime, kai jūsų eilė artės ir kai būsite pakviesti.',
  needContact: 'Palikite mobiliojo telefono numerį arba el. pašto adresą.',
  invalidPhone: 'Tai nepanašu į mobiliojo telefono numerį. Rašykite su šalies kodu, pvz., +370 612 34567.',
  invalidEmail: 'Tai nepanašu į el. pašto adresą.',
  failed: 'Atsiprašome, nepavyko. Bandykite dar kartą.',
};

const sk: NotifyTexts = {
  title: 'Dostaňte správu, keď sa bude blížiť váš rad',
  hint: 'Nechajte číslo mobilu, e-mailovú adresu alebo oboje. Dáme vám vedieť aj vtedy, keď vás vyvoláme.',
  phone: 'Číslo mobilu (s predvoľbou krajiny)',
  email: 'E-mailová adresa',
  save: 'Upozornite ma',
  saving: 'Ukladá sa…',
  saved: 'Dáme vám vedieť, keď sa bude blížiť váš rad a keď vás vyvoláme.',
  needContact: 'Nechajte číslo mobilu alebo e-mailovú adresu.',
  invalidPhone: 'Toto nevyzerá ako číslo mobilu. Napíšte ho s predvoľbou krajiny, napr. +421 901 234 567.',
  invalidEmail: 'Toto nevyzerá ako e-mailová adresa.',
  failed: 'Prepáčte, nepodarilo sa. Skúste to znova.',
};

const pl: NotifyTexts = {
  title: 'Otrzymaj wiadomość, gdy zbliży się Twoja kolej',
  hint: 'Zostaw numer komórki, adres e-mail albo oba. Powiadomimy Cię też, gdy zostaniesz wezwany.',
  phone: 'Numer komórki (z kierunkowym kraju)',
  email: 'Adres e-mail',
  save: 'Powiadom mnie',
  saving: 'Zapisywanie…',
  saved: 'Powiadomimy Cię, gdy zbliży się Twoja kolej i gdy zostaniesz wezwany.',
  needContact: 'Zostaw numer komórki lub adres e-mail.',
  invalidPhone: 'To nie wygląda na numer komórki. Wpisz go z kierunkowym kraju, np. +48 501 234 567.',
  invalidEmail: 'To nie wygląda na adres e-mail.',
  failed: 'Przepraszamy, nie udało się. Spróbuj ponownie.',
};

const hu: NotifyTexts = {
  title: 'Kérjen értesítést, amikor közeleg a sora',
  hint: 'Adjon meg mobilszámot, e-mail-címet vagy mindkettőt. Akkor is szólunk, amikor szólítjuk.',
  phone: 'Mobilszám (országkóddal)',
  email: 'E-mail-cím',
  save: 'Értesítést kérek',
  saving: 'Mentés…',
  saved: 'Szólunk, amikor közeleg a sora, és amikor szólítjuk.',
  needContact: 'Adjon meg mobilszámot vagy e-mail-címet.',
  invalidPhone: 'Ez nem tűnik mobilszámnak. Országkóddal írja, pl. +36 20 123 4567.',
  invalidEmail: 'Ez nem tűnik e-mail-címnek.',
  failed: 'Elnézést, ez nem sikerült. Próbálja újra.',
};

export const notifyTexts: Record<SupportedLanguage, NotifyTexts> = { en, lt, sk, pl, hu };
