import type { SupportedLanguage } from '@frontline/contracts';

/** The invitation email, in the invited agent's UI language. */
type InvitationText = {
  subject: string;
  body: (values: { name: string; inviter: string; url: string; until: string }) => string;
};

export const invitationTexts: Record<SupportedLanguage, InvitationText> = {
  en: {
    subject: 'You are invited to Frontline',
    body: ({ name, inviter, url, until }) =>
      `Hello ${name},\n\n${inviter} has invited you to help customers with Frontline.\nChoose your password here to sign in:\n\n${url}\n\nThe link works once, until ${until}.`,
  },
  lt: {
    subject: 'Kvietimas į Frontline',
    body: ({ name, inviter, url, until }) =>
      `Sveiki, ${name},\n\n${inviter} kviečia jus padėti klientams naudojantis Frontline.\nČia pasirinkite slaptažodį ir prisijunkite:\n\n${url}\n\nNuoroda veikia vieną kartą, iki ${until}.`,
  },
  sk: {
    subject: 'Pozvánka do Frontline',
    body: ({ name, inviter, url, until }) =>
      `Dobrý deň, ${name},\n\n${inviter} vás pozýva pomáhať zákazníkom vo Frontline.\nTu si zvoľte heslo a prihláste sa:\n\n${url}\n\nOdkaz funguje raz, do ${until}.`,
  },
  pl: {
    subject: 'Zaproszenie do Frontline',
    body: ({ name, inviter, url, until }) =>
      `Dzień dobry, ${name},\n\n${inviter} zaprasza Cię do obsługi klientów we Frontline.\nTutaj wybierz hasło i zaloguj się:\n\n${url}\n\nLink działa jeden raz, do ${until}.`,
  },
  hu: {
    subject: 'Meghívó a Frontline-ba',
    body: ({ name, inviter, url, until }) =>
      `Kedves ${name}!\n\n${inviter} meghívta, hogy a Frontline-ban segítsen az ügyfeleknek.\nItt választhat jelszót és jelentkezhet be:\n\n${url}\n\nA hivatkozás egyszer használható, eddig: ${until}.`,
  },
};
