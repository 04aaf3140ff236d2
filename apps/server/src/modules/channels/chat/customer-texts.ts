import { type SupportedLanguage, supportedLanguages, type WaitEstimate } from '@frontline/contracts';

/**
 * Customer-facing texts the chat and web form send by email, in every language we ship. The
 * widget has its own copy of the on-screen texts (apps/widget/src/i18n.ts) to stay small.
 */

export function toSupportedLanguage(language: string | null | undefined): SupportedLanguage {
  const primary = (language ?? '').slice(0, 2).toLowerCase();
  return (supportedLanguages as readonly string[]).includes(primary) ? (primary as SupportedLanguage) : 'en';
}

type Unit = 'minute' | 'hour' | 'day';

/** A duration rounded the way people say it: 1–9 min exact, then by 5 min, hours, days. */
export function humaneDuration(seconds: number): { value: number; unit: Unit } {
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 10) return { value: minutes, unit: 'minute' };
  if (minutes < 90) return { value: Math.round(minutes / 5) * 5, unit: 'minute' };
  const hours = Math.round(minutes / 60);
  if (hours < 36) return { value: hours, unit: 'hour' };
  return { value: Math.round(hours / 24), unit: 'day' };
}

function formatDuration(seconds: number, language: SupportedLanguage): string {
  const { value, unit } = humaneDuration(seconds);
  // ICU knows every language's plural forms ("2 minutės", "5 minút", "22 minuty").
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

// Worded so that the numbers stay in the nominative ICU gives ("apie" or "około" would need
// another case).
const waitPhrases: Record<SupportedLanguage, (p50: string, p90: string) => string> = {
  en: (p50, p90) => `about ${p50}, at the latest ${p90}`,
  lt: (p50, p90) => `maždaug ${p50}, daugiausia ${p90}`,
  sk: (p50, p90) => `približne ${p50}, najviac ${p90}`,
  pl: (p50, p90) => `mniej więcej ${p50}, najwyżej ${p90}`,
  hu: (p50, p90) => `körülbelül ${p50}, legfeljebb ${p90}`,
};

/** "about 5 minutes, at the latest 15 minutes", in the customer's language. */
export function formatWait(wait: WaitEstimate, language: SupportedLanguage): string {
  const p50 = formatDuration(wait.p50Seconds, language);
  const p90 = formatDuration(Math.max(wait.p90Seconds, wait.p50Seconds), language);
  return p50 === p90 ? p50 : waitPhrases[language](p50, p90);
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
