import type { SupportedLanguage } from '@frontline/contracts';
import { useTranslation } from 'react-i18next';

/**
 * Texts of the triage hint (en, lt, sk, pl, hu). Reasons are named by the signal's stable
 * `kind`; a kind we have no text for shows the server's English reason.
 */
const en = {
  suggested: 'Suggested priority: {{priority}}',
  apply: 'Set {{priority}}',
  reasons: 'Why',
  explicit_urgency: 'The customer says it is urgent',
  outage: 'Something is down or not working',
  payment_failure: 'A payment problem',
  legal_threat: 'Legal action is mentioned',
  security: 'Account security (hacked, fraud)',
  frustration: 'The customer is upset',
  shouting: 'Written in capitals',
  exclamations: 'Many exclamation marks',
  repeated_contact: 'Contacted us again within 24 hours',
};
type TriageTexts = typeof en;

const texts: Record<SupportedLanguage, TriageTexts> = {
  en,
  lt: {
    suggested: 'Siūlomas prioritetas: {{priority}}',
    apply: 'Nustatyti: {{priority}}',
    reasons: 'Kodėl',
    explicit_urgency: 'Klientas sako, kad tai skubu',
    outage: 'Kažkas neveikia',
    payment_failure: 'Mokėjimo problema',
    legal_threat: 'Minimi teisiniai veiksmai',
    security: 'Paskyros saugumas (įsilaužimas, sukčiavimas)',
    frustration: 'Klientas nusivylęs',
    shouting: 'Parašyta didžiosiomis raidėmis',
    exclamations: 'Daug šauktukų',
    repeated_contact: 'Vėl kreipėsi per 24 valandas',
  },
  sk: {
    suggested: 'Navrhovaná priorita: {{priority}}',
    apply: 'Nastaviť: {{priority}}',
    reasons: 'Prečo',
    explicit_urgency: 'Zákazník píše, že je to naliehavé',
    outage: 'Niečo nefunguje',
    payment_failure: 'Problém s platbou',
    legal_threat: 'Spomína právne kroky',
    security: 'Bezpečnosť účtu (napadnutie, podvod)',
    frustration: 'Zákazník je nespokojný',
    shouting: 'Napísané veľkými písmenami',
    exclamations: 'Veľa výkričníkov',
    repeated_contact: 'Ozval sa znova do 24 hodín',
  },
  pl: {
    suggested: 'Sugerowany priorytet: {{priority}}',
    apply: 'Ustaw: {{priority}}',
    reasons: 'Dlaczego',
    explicit_urgency: 'Klient pisze, że to pilne',
    outage: 'Coś nie działa',
    payment_failure: 'Problem z płatnością',
    legal_threat: 'Wspomina o krokach prawnych',
    security: 'Bezpieczeństwo konta (włamanie, oszustwo)',
    frustration: 'Klient jest zdenerwowany',
    shouting: 'Napisane wielkimi literami',
    exclamations: 'Wiele wykrzykników',
    repeated_contact: 'Ponowny kontakt w ciągu 24 godzin',
  },
  hu: {
    suggested: 'Javasolt prioritás: {{priority}}',
    apply: 'Beállítás: {{priority}}',
    reasons: 'Miért',
    explicit_urgency: 'Az ügyfél szerint sürgős',
    outage: 'Valami nem működik',
    payment_failure: 'Fizetési probléma',
    legal_threat: 'Jogi lépéseket említ',
    security: 'Fiókbiztonság (feltörés, csalás)',
    frustration: 'Az ügyfél elégedetlen',
    shouting: 'Csupa nagybetűvel írva',
    exclamations: 'Sok felkiáltójel',
    repeated_contact: '24 órán belül ismét jelentkezett',
  },
};

export type TriageTextKey = keyof TriageTexts;

export function useTriageText() {
  const { i18n } = useTranslation();
  const language = (i18n.language in texts ? i18n.language : 'en') as SupportedLanguage;
  const text = (key: TriageTextKey, values: Record<string, string> = {}) =>
    texts[language][key].replace(/\{\{(\w+)\}\}/g, (_match, name: string) => values[name] ?? '');
  /** The reason of a signal in the agent's language, or the server's English one. */
  const reason = (kind: string, fallback: string) =>
    kind in texts[language] ? texts[language][kind as TriageTextKey] : fallback;
  return { text, reason };
}
