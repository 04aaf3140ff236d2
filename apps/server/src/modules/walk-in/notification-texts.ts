import type { SupportedLanguage } from '@frontline/contracts';

/** What a visitor is told by email and SMS, per language. SMS use `text` alone, so it says it all. */
type NoticeInput = { ticket: string; locationName: string; trackingUrl: string; deskName: string | null };
type NoticeTexts = {
  turnNearSubject: (input: NoticeInput) => string;
  turnNear: (input: NoticeInput) => string;
  calledSubject: (input: NoticeInput) => string;
  called: (input: NoticeInput) => string;
  calledAgain: (input: NoticeInput) => string;
};

const en: NoticeTexts = {
  turnNearSubject: ({ ticket }) => `Your turn is near – ticket ${ticket}`,
  turnNear: ({ ticket, locationName, trackingUrl }) =>
    `Your turn is near at ${locationName}: ticket ${ticket}. Please come to the waiting room. Follow your turn: ${trackingUrl}`,
  calledSubject: ({ ticket }) => `It is your turn – ticket ${ticket}`,
  called: ({ ticket, locationName, trackingUrl, deskName }) =>
    `It is your turn: ticket ${ticket}, please go to ${deskName} at ${locationName}. ${trackingUrl}`,
  calledAgain: ({ ticket, locationName, trackingUrl, deskName }) =>
    `We are calling you again: ticket ${ticket}, please go to ${deskName} at ${locationName} now. ${trackingUrl}`,
};

const lt: NoticeTexts = {
  turnNearSubject: ({ ticket }) => `Jūsų eilė artėja – bilietas ${ticket}`,
  turnNear: ({ ticket, locationName, trackingUrl }) =>
    `Jūsų eilė artėja (${locationName}): bilietas ${ticket}. Prašome ateiti į laukiamąjį. Sekite eilę: ${trackingUrl}`,
  calledSubject: ({ ticket }) => `Jūsų eilė – bilietas ${ticket}`,
  called: ({ ticket, locationName, trackingUrl, deskName }) =>
    `Jūsų eilė: bilietas ${ticket}, prašome eiti į: ${deskName} (${locationName}). ${trackingUrl}`,
  calledAgain: ({ ticket, locationName, trackingUrl, deskName }) =>
    `Kviečiame jus dar kartą: bilietas ${ticket}, prašome nedelsiant eiti į: ${deskName} (${locationName}). ${trackingUrl}`,
};

const sk: NoticeTexts = {
  turnNearSubject: ({ ticket }) => `Blíži sa váš rad – lístok ${ticket}`,
  turnNear: ({ ticket, locationName, trackingUrl }) =>
    `Blíži sa váš rad (${locationName}): lístok ${ticket}. Prosím, príďte do čakárne. Sledujte poradie: ${trackingUrl}`,
  calledSubject: ({ ticket }) => `Ste na rade – lístok ${ticket}`,
  called: ({ ticket, locationName, trackingUrl, deskName }) =>
    `Ste na rade: lístok ${ticket}, prosím, choďte k: ${deskName} (${locationName}). ${trackingUrl}`,
  calledAgain: ({ ticket, locationName, trackingUrl, deskName }) =>
    `Voláme vás znova: lístok ${ticket}, prosím, choďte hneď k: ${deskName} (${locationName}). ${trackingUrl}`,
};

const pl: NoticeTexts = {
  turnNearSubject: ({ ticket }) => `Zbliża się Twoja kolej – bilet ${ticket}`,
  turnNear: ({ ticket, locationName, trackingUrl }) =>
    `Zbliża się Twoja kolej (${locationName}): bilet ${ticket}. Prosimy przyjść do poczekalni. Śledź kolejkę: ${trackingUrl}`,
  calledSubject: ({ ticket }) => `Twoja kolej – bilet ${ticket}`,
  called: ({ ticket, locationName, trackingUrl, deskName }) =>
    `Twoja kolej: bilet ${ticket}, prosimy podejść do: ${deskName} (${locationName}). ${trackingUrl}`,
  calledAgain: ({ ticket, locationName, trackingUrl, deskName }) =>
    `Wzywamy ponownie: bilet ${ticket}, prosimy od razu podejść do: ${deskName} (${locationName}). ${trackingUrl}`,
};

const hu: NoticeTexts = {
  turnNearSubject: ({ ticket }) => `Hamarosan Ön következik – ${ticket} sorszám`,
  turnNear: ({ ticket, locationName, trackingUrl }) =>
    `Hamarosan Ön következik (${locationName}): ${ticket} sorszám. Kérjük, jöjjön a váróterembe. Kövesse a sorát: ${trackingUrl}`,
  calledSubject: ({ ticket }) => `Ön következik – ${ticket} sorszám`,
  called: ({ ticket, locationName, trackingUrl, deskName }) =>
    `Ön következik: ${ticket} sorszám, kérjük, fáradjon ide: ${deskName} (${locationName}). ${trackingUrl}`,
  calledAgain: ({ ticket, locationName, trackingUrl, deskName }) =>
    `Ismét szólítjuk: ${ticket} sorszám, kérjük, azonnal fáradjon ide: ${deskName} (${locationName}). ${trackingUrl}`,
};

const noticeTexts: Record<SupportedLanguage, NoticeTexts> = { en, lt, sk, pl, hu };

/**
 * The subject and text of a visit's message in its language (English for an unknown one).
 *
 * @example composeVisitNotice('called', 1, 'lt', { ticket: 'A-042', locationName: 'Vilnius', trackingUrl, deskName: 'Langelis 3' })
 */
export function composeVisitNotice(
  kind: 'turn_near' | 'called',
  callNumber: number,
  language: string,
  input: NoticeInput,
) {
  const texts = noticeTexts[language as SupportedLanguage] ?? en;
  if (kind === 'turn_near') return { subject: texts.turnNearSubject(input), text: texts.turnNear(input) };
  // A recall says so: the visitor may have read the first call and think it is old news.
  return {
    subject: texts.calledSubject(input),
    text: callNumber > 1 ? texts.calledAgain(input) : texts.called(input),
  };
}
