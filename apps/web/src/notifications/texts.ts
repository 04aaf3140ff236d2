import type { NotificationKind, SupportedLanguage } from '@frontline/contracts';
import { useTranslation } from 'react-i18next';

/** Texts of the notification bell and of @mentions in notes, in every UI language. */
const en = {
  bell: 'Notifications',
  unread: '{{count}} unread',
  empty: 'Nothing yet. When a colleague @mentions you in a note, it shows up here.',
  markAllRead: 'Mark all read',
  markRead: 'Mark read',
  showOlder: 'Show older',
  someone: 'Someone',
  mention: '{{actor}} mentioned you',
  sla_warning: 'An SLA target is close',
  sla_breach: 'An SLA target was missed',
  assigned: '{{actor}} assigned a conversation to you',
  mentionHint: 'Type @ to mention a colleague; they are notified.',
  mentionSuggestions: 'Colleagues to mention',
  noColleagueMatches: 'No colleague matches “{{query}}”',
  mentionedAgent: 'Mentioned: {{name}}',
};
type NotificationTexts = typeof en;

const texts: Record<SupportedLanguage, NotificationTexts> = {
  en,
  lt: {
    bell: 'Pranešimai',
    unread: 'Neperskaityta: {{count}}',
    empty: 'Kol kas nieko. Kai kolega paminės jus (@) pastaboje, tai matysite čia.',
    markAllRead: 'Pažymėti visus kaip perskaitytus',
    markRead: 'Pažymėti kaip perskaitytą',
    showOlder: 'Rodyti senesnius',
    someone: 'Kažkas',
    mention: '{{actor}} paminėjo jus',
    sla_warning: 'Artėja SLA terminas',
    sla_breach: 'SLA terminas praleistas',
    assigned: '{{actor}} priskyrė jums pokalbį',
    mentionHint: 'Įveskite @, kad paminėtumėte kolegą – jam bus pranešta.',
    mentionSuggestions: 'Kolegos, kuriuos galite paminėti',
    noColleagueMatches: 'Nėra kolegos „{{query}}“',
    mentionedAgent: 'Paminėtas: {{name}}',
  },
  sk: {
    bell: 'Upozornenia',
    unread: 'Neprečítané: {{count}}',
    empty: 'Zatiaľ nič. Keď vás kolega spomenie (@) v poznámke, uvidíte to tu.',
    markAllRead: 'Označiť všetko ako prečítané',
    markRead: 'Označiť ako prečítané',
    showOlder: 'Zobraziť staršie',
    someone: 'Niekto',
    mention: '{{actor}} vás spomenul(a)',
    sla_warning: 'Blíži sa termín SLA',
    sla_breach: 'Termín SLA bol zmeškaný',
    assigned: '{{actor}} vám pridelil(a) konverzáciu',
    mentionHint: 'Napíšte @ a spomeňte kolegu – dostane upozornenie.',
    mentionSuggestions: 'Kolegovia na spomenutie',
    noColleagueMatches: 'Žiadny kolega nezodpovedá „{{query}}“',
    mentionedAgent: 'Spomenutý: {{name}}',
  },
  pl: {
    bell: 'Powiadomienia',
    unread: 'Nieprzeczytane: {{count}}',
    empty: 'Na razie nic. Gdy ktoś wspomni o Tobie (@) w notatce, zobaczysz to tutaj.',
    markAllRead: 'Oznacz wszystkie jako przeczytane',
    markRead: 'Oznacz jako przeczytane',
    showOlder: 'Pokaż starsze',
    someone: 'Ktoś',
    mention: '{{actor}} wspomniał(a) o Tobie',
    sla_warning: 'Zbliża się termin SLA',
    sla_breach: 'Termin SLA został przekroczony',
    assigned: '{{actor}} przypisał(a) Ci rozmowę',
    mentionHint: 'Wpisz @, aby wspomnieć współpracownika – dostanie powiadomienie.',
    mentionSuggestions: 'Współpracownicy do wspomnienia',
    noColleagueMatches: 'Brak współpracownika „{{query}}”',
    mentionedAgent: 'Wspomniano: {{name}}',
  },
  hu: {
    bell: 'Értesítések',
    unread: 'Olvasatlan: {{count}}',
    empty: 'Még semmi. Ha egy kolléga megemlít (@) egy jegyzetben, itt látod.',
    markAllRead: 'Mind olvasott',
    markRead: 'Olvasottnak jelöl',
    showOlder: 'Régebbiek',
    someone: 'Valaki',
    mention: '{{actor}} megemlített',
    sla_warning: 'Közeleg egy SLA-határidő',
    sla_breach: 'Lejárt egy SLA-határidő',
    assigned: '{{actor}} hozzád rendelt egy beszélgetést',
    mentionHint: 'Írj @-ot egy kolléga megemlítéséhez – értesítést kap.',
    mentionSuggestions: 'Megemlíthető kollégák',
    noColleagueMatches: 'Nincs ilyen kolléga: „{{query}}”',
    mentionedAgent: 'Megemlítve: {{name}}',
  },
};

export type NotificationTextKey = keyof NotificationTexts;

/** `text('unread', { count: 3 })`; `kindText(kind, actor)` for a notification's headline. */
export function useNotificationText() {
  const { i18n } = useTranslation();
  const language = (i18n.language in texts ? i18n.language : 'en') as SupportedLanguage;
  const text = (key: NotificationTextKey, values: Record<string, string | number> = {}) =>
    texts[language][key].replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(values[name] ?? ''));
  const kindText = (kind: NotificationKind, actor: string) => text(kind, { actor });
  return { text, kindText, language };
}
