import { type SupportedLanguage, type WebFormBody, webFormLimits, webFormTopics } from '@frontline/contracts';
import type { FieldError } from '../../../platform/errors.ts';

/**
 * The web form's rules, with messages in the visitor's language: the form shows them next to
 * the fields, so they must read well to a customer, not to a developer.
 */
type Messages = {
  nameRequired: string;
  nameTooLong: string;
  emailRequired: string;
  emailInvalid: string;
  topicRequired: string;
  messageTooShort: (minimum: number) => string;
  messageTooLong: (maximum: number) => string;
  tooManyFiles: (maximum: number) => string;
};

const messages: Record<SupportedLanguage, Messages> = {
  en: {
    nameRequired: 'Please enter your name.',
    nameTooLong: 'The name is too long.',
    emailRequired: 'Please enter your email address.',
    emailInvalid: 'This does not look like an email address, e.g. name@example.com.',
    topicRequired: 'Please choose a topic.',
    messageTooShort: (minimum) => `Please write at least ${minimum} characters.`,
    messageTooLong: (maximum) => `Please keep the message under ${maximum} characters.`,
    tooManyFiles: (maximum) => `You can attach at most ${maximum} files.`,
  },
  lt: {
    nameRequired: 'Įveskite savo vardą.',
    nameTooLong: 'Vardas per ilgas.',
    emailRequired: 'Įveskite el. pašto adresą.',
    emailInvalid: 'Tai nepanašu į el. pašto adresą, pvz., vardas@pavyzdys.lt.',
    topicRequired: 'Pasirinkite temą.',
    messageTooShort: (minimum) => `Parašykite bent ${minimum} simbolių.`,
    messageTooLong: (maximum) => `Žinutė turi būti trumpesnė nei ${maximum} simbolių.`,
    tooManyFiles: (maximum) => `Galite pridėti ne daugiau kaip ${maximum} failus.`,
  },
  sk: {
    nameRequired: 'Zadajte svoje meno.',
    nameTooLong: 'Meno je príliš dlhé.',
    emailRequired: 'Zadajte svoju e-mailovú adresu.',
    emailInvalid: 'Toto nevyzerá ako e-mailová adresa, napr. meno@priklad.sk.',
    topicRequired: 'Vyberte tému.',
    messageTooShort: (minimum) => `Napíšte aspoň ${minimum} znakov.`,
    messageTooLong: (maximum) => `Správa musí mať menej ako ${maximum} znakov.`,
    tooManyFiles: (maximum) => `Môžete priložiť najviac ${maximum} súborov.`,
  },
  pl: {
    nameRequired: 'Podaj swoje imię i nazwisko.',
    nameTooLong: 'Imię i nazwisko są za długie.',
    emailRequired: 'Podaj adres e-mail.',
    emailInvalid: 'To nie wygląda na adres e-mail, np. imie@przyklad.pl.',
    topicRequired: 'Wybierz temat.',
    messageTooShort: (minimum) => `Napisz co najmniej ${minimum} znaków.`,
    messageTooLong: (maximum) => `Wiadomość musi mieć mniej niż ${maximum} znaków.`,
    tooManyFiles: (maximum) => `Możesz dołączyć najwyżej ${maximum} plików.`,
  },
  hu: {
    nameRequired: 'Kérjük, adja meg a nevét.',
    nameTooLong: 'A név túl hosszú.',
    emailRequired: 'Kérjük, adja meg az e-mail-címét.',
    emailInvalid: 'Ez nem tűnik e-mail-címnek, pl. nev@pelda.hu.',
    topicRequired: 'Kérjük, válasszon témát.',
    messageTooShort: (minimum) => `Kérjük, írjon legalább ${minimum} karaktert.`,
    messageTooLong: (maximum) => `Az üzenet legfeljebb ${maximum} karakter lehet.`,
    tooManyFiles: (maximum) => `Legfeljebb ${maximum} fájlt csatolhat.`,
  },
};

// Deliberately permissive (one @, no spaces, a dot in the domain): mail servers are the real judge.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The problems of a submission, each at its field (`body.email`), in the visitor's language. */
export function validateWebForm(input: WebFormBody, language: SupportedLanguage): FieldError[] {
  const text = messages[language];
  const errors: FieldError[] = [];
  const name = input.name.trim();
  const email = input.email.trim();
  const message = input.message.trim();
  if (!name) errors.push({ path: 'body.name', message: text.nameRequired });
  else if (name.length > webFormLimits.nameMax) errors.push({ path: 'body.name', message: text.nameTooLong });
  if (!email) errors.push({ path: 'body.email', message: text.emailRequired });
  else if (email.length > 320 || !emailPattern.test(email))
    errors.push({ path: 'body.email', message: text.emailInvalid });
  if (!(webFormTopics as readonly string[]).includes(input.topic)) {
    errors.push({ path: 'body.topic', message: text.topicRequired });
  }
  if (message.length < webFormLimits.messageMin) {
    errors.push({ path: 'body.message', message: text.messageTooShort(webFormLimits.messageMin) });
  } else if (message.length > webFormLimits.messageMax) {
    errors.push({ path: 'body.message', message: text.messageTooLong(webFormLimits.messageMax) });
  }
  if (input.attachmentIds.length > webFormLimits.attachmentsMax) {
    errors.push({ path: 'body.attachmentIds', message: text.tooManyFiles(webFormLimits.attachmentsMax) });
  }
  return errors;
}
