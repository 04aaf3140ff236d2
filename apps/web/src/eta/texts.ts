import type { SupportedLanguage } from '@frontline/contracts';
import { useTranslation } from 'react-i18next';

/** The promises report's own texts (en, lt, sk, pl, hu); they follow the agent's UI language. */
const en = {
  nav: 'Promises',
  title: 'Kept promises',
  intro:
    'Every expected response time shown to a customer is a promise. It is kept when the first reply comes within the promised latest time (P90); the error is how far the “about” time (P50) was off.',
  from: 'From week',
  to: 'To week',
  week: 'Week',
  queue: 'Queue',
  team: 'Team',
  noTeam: 'No team',
  promises: 'Promises',
  answered: 'Answered',
  keptRate: 'Kept (P90)',
  p50Error: 'P50 error',
  empty: 'No promises were made in these weeks.',
  notYet: '—',
  queue_email: 'Email',
  queue_web_form: 'Web form',
  queue_chat: 'Chat',
  queue_chat_offline: 'Chat request (offline)',
};
type EtaTexts = typeof en;

const texts: Record<SupportedLanguage, EtaTexts> = {
  en,
  lt: {
    nav: 'Pažadai',
    title: 'Ištesėti pažadai',
    intro:
      'Kiekvienas klientui parodytas numatomas atsakymo laikas yra pažadas. Jis ištesėtas, jei pirmasis atsakymas ateina ne vėliau nei pažadėtas vėliausias laikas (P90); paklaida rodo, kiek „maždaug“ laikas (P50) nutolo nuo tikrojo.',
    from: 'Nuo savaitės',
    to: 'Iki savaitės',
    week: 'Savaitė',
    queue: 'Eilė',
    team: 'Komanda',
    noTeam: 'Be komandos',
    promises: 'Pažadai',
    answered: 'Atsakyta',
    keptRate: 'Ištesėta (P90)',
    p50Error: 'P50 paklaida',
    empty: 'Šiomis savaitėmis pažadų nebuvo.',
    notYet: '—',
    queue_email: 'El. paštas',
    queue_web_form: 'Interneto forma',
    queue_chat: 'Pokalbis',
    queue_chat_offline: 'Pokalbio užklausa (neprisijungus)',
  },
  sk: {
    nav: 'Sľuby',
    title: 'Dodržané sľuby',
    intro:
      'Každý očakávaný čas odpovede, ktorý zákazník uvidí, je sľub. Je dodržaný, ak prvá odpoveď príde najneskôr v sľúbenom čase (P90); chyba ukazuje, o koľko sa „približný“ čas (P50) líšil od skutočnosti.',
    from: 'Od týždňa',
    to: 'Do týždňa',
    week: 'Týždeň',
    queue: 'Front',
    team: 'Tím',
    noTeam: 'Bez tímu',
    promises: 'Sľuby',
    answered: 'Zodpovedané',
    keptRate: 'Dodržané (P90)',
    p50Error: 'Chyba P50',
    empty: 'V týchto týždňoch neboli dané žiadne sľuby.',
    notYet: '—',
    queue_email: 'E-mail',
    queue_web_form: 'Webový formulár',
    queue_chat: 'Chat',
    queue_chat_offline: 'Požiadavka z chatu (offline)',
  },
  pl: {
    nav: 'Obietnice',
    title: 'Dotrzymane obietnice',
    intro:
      'Każdy przewidywany czas odpowiedzi pokazany klientowi jest obietnicą. Jest dotrzymana, gdy pierwsza odpowiedź przychodzi najpóźniej w obiecanym czasie (P90); błąd pokazuje, o ile czas „mniej więcej” (P50) odbiegał od rzeczywistego.',
    from: 'Od tygodnia',
    to: 'Do tygodnia',
    week: 'Tydzień',
    queue: 'Kolejka',
    team: 'Zespół',
    noTeam: 'Bez zespołu',
    promises: 'Obietnice',
    answered: 'Z odpowiedzią',
    keptRate: 'Dotrzymane (P90)',
    p50Error: 'Błąd P50',
    empty: 'W tych tygodniach nie złożono żadnych obietnic.',
    notYet: '—',
    queue_email: 'E-mail',
    queue_web_form: 'Formularz',
    queue_chat: 'Czat',
    queue_chat_offline: 'Zgłoszenie z czatu (offline)',
  },
  hu: {
    nav: 'Ígéretek',
    title: 'Betartott ígéretek',
    intro:
      'Minden várható válaszidő, amelyet az ügyfél lát, ígéret. Akkor teljesül, ha az első válasz legkésőbb a megígért időn belül (P90) megérkezik; a hiba azt mutatja, mennyivel tért el a „körülbelüli” idő (P50) a valóságtól.',
    from: 'Kezdő hét',
    to: 'Záró hét',
    week: 'Hét',
    queue: 'Sor',
    team: 'Csapat',
    noTeam: 'Csapat nélkül',
    promises: 'Ígéretek',
    answered: 'Megválaszolva',
    keptRate: 'Betartva (P90)',
    p50Error: 'P50 hiba',
    empty: 'Ezeken a heteken nem született ígéret.',
    notYet: '—',
    queue_email: 'E-mail',
    queue_web_form: 'Webes űrlap',
    queue_chat: 'Csevegés',
    queue_chat_offline: 'Csevegési kérés (offline)',
  },
};

export type EtaTextKey = keyof EtaTexts;

export function useEtaText() {
  const { i18n } = useTranslation();
  const language = (i18n.language in texts ? i18n.language : 'en') as SupportedLanguage;
  const text = (key: EtaTextKey) => texts[language][key];
  /** A queue's name; queues we have no text for show their code. */
  const queueName = (queue: string) => {
    const key = `queue_${queue}` as EtaTextKey;
    return key in texts[language] ? texts[language][key] : queue;
  };
  return { text, queueName, language };
}
