import { type SupportedLanguage, supportedLanguages } from '@frontline/contracts';

/**
 * Customer-facing texts the chat and web form send by email, in every language we ship. The
 * widget has its own copy of the on-screen texts (apps/widget/src/i18n.ts) to stay small.
 */

export function toSupportedLanguage(language: string | null | undefined): SupportedLanguage {
  const primary = (language ?? '').slice(0, 2).toLowerCase();
  return (supportedLanguages as readonly string[]).includes(primary) ? (primary as SupportedLanguage) : 'en';
}

type EmailTexts = {
  requestSubject: (reference: number) => string;
  requestBody: (name: string, reference: number, wait: string) => string;
  transcriptSubject: (reference: number) => string;
  transcriptIntro: (reference: number) => string;
  you: string;
  agent: string;
  attachment: string;
};

const emailTexts: Record<SupportedLanguage, EmailTexts> = {
  en: {
    requestSubject: (reference) => `We received your request [#${reference}]`,
    requestBody: (name, reference, wait) =>
      `Hello ${name},\n\nthank you for your message. Your reference is #${reference}.\nWe will answer by email: ${wait}.\n\nPlease keep the reference in the subject if you write again.`,
    transcriptSubject: (reference) => `Transcript of your chat [#${reference}]`,
    transcriptIntro: (reference) => `Here is the transcript of your chat #${reference}.`,
    you: 'You',
    agent: 'Support',
    attachment: 'Attachment',
  },
  lt: {
    requestSubject: (reference) => `Gavome jūsų užklausą [#${reference}]`,
    requestBody: (name, reference, wait) =>
      `Sveiki, ${name},\n\ndėkojame už žinutę. Jūsų užklausos numeris – #${reference}.\nAtsakysime el. paštu: ${wait}.\n\nRašydami dar kartą, palikite numerį laiško temoje.`,
    transcriptSubject: (reference) => `Jūsų pokalbio įrašas [#${reference}]`,
    transcriptIntro: (reference) => `Siunčiame jūsų pokalbio #${reference} įrašą.`,
    you: 'Jūs',
    agent: 'Pagalba',
    attachment: 'Priedas',
  },
  sk: {
    requestSubject: (reference) => `Vašu požiadavku sme prijali [#${reference}]`,
    requestBody: (name, reference, wait) =>
      `Dobrý deň, ${name},\n\nďakujeme za vašu správu. Číslo vašej požiadavky je #${reference}.\nOdpovieme e-mailom: ${wait}.\n\nAk nám napíšete znova, ponechajte číslo v predmete.`,
    transcriptSubject: (reference) => `Záznam vášho chatu [#${reference}]`,
    transcriptIntro: (reference) => `Posielame záznam vášho chatu #${reference}.`,
    you: 'Vy',
    agent: 'Podpora',
    attachment: 'Príloha',
  },
  pl: {
    requestSubject: (reference) => `Otrzymaliśmy Twoje zgłoszenie [#${reference}]`,
    requestBody: (name, reference, wait) =>
      `Dzień dobry, ${name},\n\ndziękujemy za wiadomość. Numer Twojego zgłoszenia to #${reference}.\nOdpowiemy e-mailem: ${wait}.\n\nJeśli napiszesz ponownie, zostaw numer w temacie.`,
    transcriptSubject: (reference) => `Zapis Twojego czatu [#${reference}]`,
    transcriptIntro: (reference) => `Przesyłamy zapis Twojego czatu #${reference}.`,
    you: 'Ty',
    agent: 'Obsługa',
    attachment: 'Załącznik',
  },
  hu: {
    requestSubject: (reference) => `Megkaptuk a kérését [#${reference}]`,
    requestBody: (name, reference, wait) =>
      `Kedves ${name}!\n\nKöszönjük az üzenetét. Az ügy azonosítója: #${reference}.\nE-mailben válaszolunk: ${wait}.\n\nHa újra ír, kérjük, hagyja meg az azonosítót a tárgyban.`,
    transcriptSubject: (reference) => `A csevegés átirata [#${reference}]`,
    transcriptIntro: (reference) => `Elküldjük a(z) #${reference} csevegés átiratát.`,
    you: 'Ön',
    agent: 'Ügyfélszolgálat',
    attachment: 'Melléklet',
  },
};

export function textsFor(language: SupportedLanguage): EmailTexts {
  return emailTexts[language];
}
