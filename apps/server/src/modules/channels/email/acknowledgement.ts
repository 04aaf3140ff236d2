import type { SupportedLanguage } from '@frontline/contracts';

export type AcknowledgementTemplate = { subject: string; body: string };

/** What a template may say; anything else in `{{…}}` is refused when an admin saves it. */
export const templatePlaceholders = [
  'reference',
  'responsePromise',
  'subject',
  'customerName',
  'mailboxName',
] as const;
export type TemplateValues = Record<(typeof templatePlaceholders)[number], string>;

/**
 * The built-in texts. They greet without the customer's name on purpose: Lithuanian, Polish and
 * Slovak address people in the vocative ("Jonai", "Pawle"), which a template cannot derive from
 * the name we have. Admins may override any language per mailbox.
 */
export const defaultAcknowledgementTemplates: Record<SupportedLanguage, AcknowledgementTemplate> = {
  en: {
    subject: '[#{{reference}}] Re: {{subject}}',
    body: [
      'Hello,',
      '',
      'thank you for your message. We have received it and registered it under reference #{{reference}}.',
      'You can expect our answer {{responsePromise}}.',
      '',
      'To add anything, simply reply to this email and keep the reference in the subject.',
      '',
      '{{mailboxName}}',
    ].join('\n'),
  },
  lt: {
    subject: '[#{{reference}}] Re: {{subject}}',
    body: [
      'Laba diena,',
      '',
      'dėkojame už laišką. Jį gavome ir užregistravome numeriu #{{reference}}.',
      'Atsakymo galite tikėtis {{responsePromise}}.',
      '',
      'Jei norite ką nors papildyti, tiesiog atsakykite į šį laišką, palikę numerį temos eilutėje.',
      '',
      '{{mailboxName}}',
    ].join('\n'),
  },
  sk: {
    subject: '[#{{reference}}] Re: {{subject}}',
    body: [
      'Dobrý deň,',
      '',
      'ďakujeme za Vašu správu. Prijali sme ju a zaevidovali pod číslom #{{reference}}.',
      'Odpoveď môžete očakávať {{responsePromise}}.',
      '',
      'Ak chcete niečo doplniť, jednoducho odpovedzte na tento e-mail a ponechajte číslo v predmete.',
      '',
      '{{mailboxName}}',
    ].join('\n'),
  },
  pl: {
    subject: '[#{{reference}}] Re: {{subject}}',
    body: [
      'Dzień dobry,',
      '',
      'dziękujemy za wiadomość. Otrzymaliśmy ją i zarejestrowaliśmy pod numerem #{{reference}}.',
      'Odpowiedzi mogą Państwo oczekiwać {{responsePromise}}.',
      '',
      'Aby coś dodać, wystarczy odpowiedzieć na tę wiadomość, zachowując numer w temacie.',
      '',
      '{{mailboxName}}',
    ].join('\n'),
  },
  hu: {
    subject: '[#{{reference}}] Re: {{subject}}',
    body: [
      'Jó napot!',
      '',
      'Köszönjük a levelét. Megkaptuk, és a(z) #{{reference}} számon rögzítettük.',
      'Válaszunkra {{responsePromise}} számíthat.',
      '',
      'Ha szeretne valamit hozzátenni, egyszerűen válaszoljon erre a levélre, és hagyja meg a számot a tárgyban.',
      '',
      '{{mailboxName}}',
    ].join('\n'),
  },
};

const placeholderPattern = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

/** Placeholders a template uses that we cannot fill; an empty list means it is valid. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(templatePlaceholders);
  return [...text.matchAll(placeholderPattern)].map((match) => match[1]!).filter((name) => !known.has(name));
}

/** Fills `{{placeholders}}`; an empty value leaves no stray space before punctuation. */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text
    .replace(placeholderPattern, (_whole, name: string) => values[name as keyof TemplateValues] ?? '')
    .replace(/ +([,.!?:;])/g, '$1')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

export function renderAcknowledgement(template: AcknowledgementTemplate, values: TemplateValues) {
  return {
    // A subject is one line, whatever an admin pasted.
    subject: renderTemplate(template.subject, values).replace(/\s+/g, ' '),
    text: renderTemplate(template.body, values),
  };
}
