import type { SupportedLanguage, Topic } from '@frontline/contracts';
import { useTranslation } from 'react-i18next';

/** Texts of the topics feature (en, lt, sk, pl, hu): admin screen, picker, suggestion, timeline. */
const en = {
  nav: 'Topics',
  title: 'Topics',
  intro:
    'Triage gives each new conversation a topic: a keyword of the customer’s language sets it at once; otherwise a classifier that learns from the topics agents set on solved conversations does, when it is sure. SLA policies can name topics by their key.',
  addTopic: 'Add topic',
  editTopic: 'Edit topic',
  key: 'Key',
  keyHint: 'Lower-case letters, digits, - and _. SLA policies refer to this.',
  name: 'Name',
  names: 'Names',
  keywords: 'Keywords',
  keywordsHint:
    'A keyword matches the start of a word, accents and case ignored: “refund” also finds “refunds”.',
  active: 'In use',
  inactive: 'Not in use',
  save: 'Save',
  cancel: 'Cancel',
  delete: 'Delete',
  confirmDelete: 'Delete the topic “{{name}}”? Conversations lose it.',
  noTopics: 'No topics yet.',
  classifier: 'Classifier',
  classifierTrained: 'Trained {{date}} on {{count}} solved conversations.',
  classifierUntrained:
    'Not trained yet: it needs at least 10 solved conversations with a topic an agent set.',
  train: 'Train now',
  topic: 'Topic',
  noTopic: 'No topic',
  sourceRule: 'by keyword',
  sourceClassifier: 'guessed, {{confidence}} %',
  sourceAgent: 'set by an agent',
  suggested: 'Suggested topic: {{topic}} ({{confidence}} %)',
  apply: 'Apply',
  eventSetBy: 'Topic set to {{topic}} ({{how}})',
  eventAgent: '{{actor}} set the topic to {{topic}}',
  eventCleared: '{{actor}} cleared the topic',
  anyTopic: 'Any topic',
};
type TopicTexts = typeof en;

const texts: Record<SupportedLanguage, TopicTexts> = {
  en,
  lt: {
    nav: 'Temos',
    title: 'Temos',
    intro:
      'Rūšiavimas kiekvienam naujam pokalbiui priskiria temą: kliento kalbos raktažodis ją nustato iš karto; kitaip – klasifikatorius, kuris mokosi iš temų, kurias agentai nustatė išspręstiems pokalbiams, kai yra pakankamai tikras. SLA politikos temas nurodo raktu.',
    addTopic: 'Pridėti temą',
    editTopic: 'Redaguoti temą',
    key: 'Raktas',
    keyHint: 'Mažosios raidės, skaitmenys, - ir _. SLA politikos nurodo šį raktą.',
    name: 'Pavadinimas',
    names: 'Pavadinimai',
    keywords: 'Raktažodžiai',
    keywordsHint:
      'Raktažodis atitinka žodžio pradžią, nepaisant diakritikų ir raidžių dydžio: „sąskait“ randa ir „saskaitos“.',
    active: 'Naudojama',
    inactive: 'Nenaudojama',
    save: 'Išsaugoti',
    cancel: 'Atšaukti',
    delete: 'Ištrinti',
    confirmDelete: 'Ištrinti temą „{{name}}“? Pokalbiai jos neteks.',
    noTopics: 'Temų dar nėra.',
    classifier: 'Klasifikatorius',
    classifierTrained: 'Apmokytas {{date}} pagal {{count}} išspręstus pokalbius.',
    classifierUntrained: 'Dar neapmokytas: reikia bent 10 išspręstų pokalbių su agento nustatyta tema.',
    train: 'Apmokyti dabar',
    topic: 'Tema',
    noTopic: 'Be temos',
    sourceRule: 'pagal raktažodį',
    sourceClassifier: 'spėjimas, {{confidence}} %',
    sourceAgent: 'nustatė agentas',
    suggested: 'Siūloma tema: {{topic}} ({{confidence}} %)',
    apply: 'Taikyti',
    eventSetBy: 'Nustatyta tema {{topic}} ({{how}})',
    eventAgent: '{{actor}} nustatė temą {{topic}}',
    eventCleared: '{{actor}} pašalino temą',
    anyTopic: 'Bet kuri tema',
  },
  sk: {
    nav: 'Témy',
    title: 'Témy',
    intro:
      'Triedenie priradí každej novej konverzácii tému: kľúčové slovo v jazyku zákazníka ju nastaví hneď; inak ju nastaví klasifikátor, ktorý sa učí z tém, ktoré agenti nastavili vyriešeným konverzáciám, ak si je dosť istý. Politiky SLA odkazujú na témy kľúčom.',
    addTopic: 'Pridať tému',
    editTopic: 'Upraviť tému',
    key: 'Kľúč',
    keyHint: 'Malé písmená, číslice, - a _. Politiky SLA odkazujú na tento kľúč.',
    name: 'Názov',
    names: 'Názvy',
    keywords: 'Kľúčové slová',
    keywordsHint:
      'Kľúčové slovo zodpovedá začiatku slova bez ohľadu na diakritiku a veľkosť písmen: „faktúr“ nájde aj „faktury“.',
    active: 'Používa sa',
    inactive: 'Nepoužíva sa',
    save: 'Uložiť',
    cancel: 'Zrušiť',
    delete: 'Odstrániť',
    confirmDelete: 'Odstrániť tému „{{name}}“? Konverzácie ju stratia.',
    noTopics: 'Zatiaľ žiadne témy.',
    classifier: 'Klasifikátor',
    classifierTrained: 'Natrénovaný {{date}} na {{count}} vyriešených konverzáciách.',
    classifierUntrained:
      'Ešte nie je natrénovaný: potrebuje aspoň 10 vyriešených konverzácií s témou od agenta.',
    train: 'Natrénovať teraz',
    topic: 'Téma',
    noTopic: 'Bez témy',
    sourceRule: 'podľa kľúčového slova',
    sourceClassifier: 'odhad, {{confidence}} %',
    sourceAgent: 'nastavil agent',
    suggested: 'Navrhovaná téma: {{topic}} ({{confidence}} %)',
    apply: 'Použiť',
    eventSetBy: 'Téma nastavená na {{topic}} ({{how}})',
    eventAgent: '{{actor}} nastavil tému {{topic}}',
    eventCleared: '{{actor}} zrušil tému',
    anyTopic: 'Akákoľvek téma',
  },
  pl: {
    nav: 'Tematy',
    title: 'Tematy',
    intro:
      'Triaż przypisuje każdej nowej rozmowie temat: słowo kluczowe w języku klienta ustawia go od razu; w przeciwnym razie robi to klasyfikator uczący się z tematów, które agenci ustawili w rozwiązanych rozmowach, gdy jest wystarczająco pewny. Polityki SLA wskazują tematy po kluczu.',
    addTopic: 'Dodaj temat',
    editTopic: 'Edytuj temat',
    key: 'Klucz',
    keyHint: 'Małe litery, cyfry, - i _. Polityki SLA odwołują się do tego klucza.',
    name: 'Nazwa',
    names: 'Nazwy',
    keywords: 'Słowa kluczowe',
    keywordsHint:
      'Słowo kluczowe pasuje do początku słowa, bez względu na znaki diakrytyczne i wielkość liter: „faktur” znajdzie też „fakturę”.',
    active: 'W użyciu',
    inactive: 'Nieużywany',
    save: 'Zapisz',
    cancel: 'Anuluj',
    delete: 'Usuń',
    confirmDelete: 'Usunąć temat „{{name}}”? Rozmowy go stracą.',
    noTopics: 'Brak tematów.',
    classifier: 'Klasyfikator',
    classifierTrained: 'Wytrenowany {{date}} na {{count}} rozwiązanych rozmowach.',
    classifierUntrained:
      'Jeszcze niewytrenowany: potrzebuje co najmniej 10 rozwiązanych rozmów z tematem ustawionym przez agenta.',
    train: 'Trenuj teraz',
    topic: 'Temat',
    noTopic: 'Bez tematu',
    sourceRule: 'wg słowa kluczowego',
    sourceClassifier: 'przypuszczenie, {{confidence}} %',
    sourceAgent: 'ustawiony przez agenta',
    suggested: 'Sugerowany temat: {{topic}} ({{confidence}} %)',
    apply: 'Zastosuj',
    eventSetBy: 'Ustawiono temat {{topic}} ({{how}})',
    eventAgent: '{{actor}} ustawił(a) temat {{topic}}',
    eventCleared: '{{actor}} usunął(ęła) temat',
    anyTopic: 'Dowolny temat',
  },
  hu: {
    nav: 'Témák',
    title: 'Témák',
    intro:
      'Az osztályozás minden új beszélgetéshez témát rendel: az ügyfél nyelvén írt kulcsszó azonnal beállítja; egyébként egy osztályozó teszi meg, amely a megoldott beszélgetésekhez az ügyintézők által beállított témákból tanul, ha elég biztos. Az SLA-szabályok kulccsal hivatkoznak a témákra.',
    addTopic: 'Téma hozzáadása',
    editTopic: 'Téma szerkesztése',
    key: 'Kulcs',
    keyHint: 'Kisbetűk, számjegyek, - és _. Az SLA-szabályok erre hivatkoznak.',
    name: 'Név',
    names: 'Nevek',
    keywords: 'Kulcsszavak',
    keywordsHint:
      'A kulcsszó a szó elejére illeszkedik, ékezetektől és kis-nagybetűtől függetlenül: a „számla” a „számlám” szót is megtalálja.',
    active: 'Használatban',
    inactive: 'Nincs használatban',
    save: 'Mentés',
    cancel: 'Mégse',
    delete: 'Törlés',
    confirmDelete: 'Törli a(z) „{{name}}” témát? A beszélgetések elveszítik.',
    noTopics: 'Még nincsenek témák.',
    classifier: 'Osztályozó',
    classifierTrained: 'Betanítva: {{date}}, {{count}} megoldott beszélgetésen.',
    classifierUntrained:
      'Még nincs betanítva: legalább 10 megoldott beszélgetés kell, amelynek témáját ügyintéző állította be.',
    train: 'Betanítás most',
    topic: 'Téma',
    noTopic: 'Nincs téma',
    sourceRule: 'kulcsszó alapján',
    sourceClassifier: 'becslés, {{confidence}} %',
    sourceAgent: 'ügyintéző állította be',
    suggested: 'Javasolt téma: {{topic}} ({{confidence}} %)',
    apply: 'Alkalmaz',
    eventSetBy: 'A téma: {{topic}} ({{how}})',
    eventAgent: '{{actor}} beállította a témát: {{topic}}',
    eventCleared: '{{actor}} törölte a témát',
    anyTopic: 'Bármely téma',
  },
};

export type TopicTextKey = keyof TopicTexts;

export function useTopicText() {
  const { i18n } = useTranslation();
  const language = (i18n.language in texts ? i18n.language : 'en') as SupportedLanguage;
  const text = (key: TopicTextKey, values: Record<string, string | number> = {}) =>
    texts[language][key].replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(values[name] ?? ''));
  /** A topic's name in the agent's language, else English, else its key. */
  const topicName = (topic: Pick<Topic, 'names' | 'key'>) =>
    topic.names[language] || topic.names.en || topic.key;
  return { text, topicName, language };
}

/** A posterior probability as a whole percentage ("72"). */
export const percent = (confidence: number) => Math.round(confidence * 100);
