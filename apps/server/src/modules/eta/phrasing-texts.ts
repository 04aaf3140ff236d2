/**
 * The words of an ETA in each customer language. Durations follow each language's plural
 * rules (Intl.PluralRules) in the case the surrounding preposition needs: Lithuanian "per" and
 * Slovak "o" and Polish "za" take the accusative; Hungarian puts no plural after a numeral.
 */

export const etaLanguages = ['en', 'lt', 'sk', 'pl', 'hu'] as const;
export type EtaLanguage = (typeof etaLanguages)[number];

type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export type EtaTexts = {
  /** BCP 47 locale for plural rules and long dates. */
  locale: string;
  minutes: Forms;
  hours: Forms;
  about: (duration: string) => string;
  latestIn: (duration: string) => string;
  withinAMinute: string;
  /** "tomorrow morning after 9:00" */
  after: (day: string, time: string) => string;
  /** "at the latest tomorrow by 11:00" (day may be empty: same day as the first part). */
  latestBy: (day: string, time: string) => string;
  today: string;
  tomorrow: string;
  /** Monday first, in the form that means "on that day". */
  onWeekday: string[];
  onDate: (date: string) => string;
  /** Adds "morning" to a day phrase. */
  morning: (day: string) => string;
};

export const etaTexts: Record<EtaLanguage, EtaTexts> = {
  en: {
    locale: 'en-GB',
    minutes: { one: 'minute', other: 'minutes' },
    hours: { one: 'hour', other: 'hours' },
    about: (d) => `in about ${d}`,
    latestIn: (d) => `at the latest in ${d}`,
    withinAMinute: 'within a minute',
    after: (day, time) => `${day} after ${time}`,
    latestBy: (day, time) => `at the latest ${day ? `${day} ` : ''}by ${time}`,
    today: 'today',
    tomorrow: 'tomorrow',
    onWeekday: [
      'on Monday',
      'on Tuesday',
      'on Wednesday',
      'on Thursday',
      'on Friday',
      'on Saturday',
      'on Sunday',
    ],
    onDate: (date) => `on ${date}`,
    morning: (day) => `${day} morning`,
  },
  lt: {
    locale: 'lt',
    minutes: { one: 'minutę', few: 'minutes', many: 'minutės', other: 'minučių' },
    hours: { one: 'valandą', few: 'valandas', many: 'valandos', other: 'valandų' },
    about: (d) => `maždaug per ${d}`,
    latestIn: (d) => `vėliausiai per ${d}`,
    withinAMinute: 'per minutę',
    after: (day, time) => `${day} po ${time}`,
    latestBy: (day, time) => `vėliausiai ${day ? `${day} ` : ''}iki ${time}`,
    today: 'šiandien',
    tomorrow: 'rytoj',
    onWeekday: [
      'pirmadienį',
      'antradienį',
      'trečiadienį',
      'ketvirtadienį',
      'penktadienį',
      'šeštadienį',
      'sekmadienį',
    ],
    onDate: (date) => date,
    morning: (day) => `${day} ryte`,
  },
  sk: {
    locale: 'sk',
    minutes: { one: 'minútu', few: 'minúty', many: 'minúty', other: 'minút' },
    hours: { one: 'hodinu', few: 'hodiny', many: 'hodiny', other: 'hodín' },
    about: (d) => `približne o ${d}`,
    latestIn: (d) => `najneskôr o ${d}`,
    withinAMinute: 'do minúty',
    after: (day, time) => `${day} po ${time}`,
    latestBy: (day, time) => `najneskôr ${day ? `${day} ` : ''}do ${time}`,
    today: 'dnes',
    tomorrow: 'zajtra',
    onWeekday: ['v pondelok', 'v utorok', 'v stredu', 'vo štvrtok', 'v piatok', 'v sobotu', 'v nedeľu'],
    onDate: (date) => date,
    morning: (day) => `${day} ráno`,
  },
  pl: {
    locale: 'pl',
    minutes: { one: 'minutę', few: 'minuty', many: 'minut', other: 'minuty' },
    hours: { one: 'godzinę', few: 'godziny', many: 'godzin', other: 'godziny' },
    about: (d) => `za około ${d}`,
    latestIn: (d) => `najpóźniej za ${d}`,
    withinAMinute: 'w ciągu minuty',
    after: (day, time) => `${day} po ${time}`,
    latestBy: (day, time) => `najpóźniej ${day ? `${day} ` : ''}do ${time}`,
    today: 'dziś',
    tomorrow: 'jutro',
    onWeekday: [
      'w poniedziałek',
      'we wtorek',
      'w środę',
      'w czwartek',
      'w piątek',
      'w sobotę',
      'w niedzielę',
    ],
    onDate: (date) => date,
    morning: (day) => `${day} rano`,
  },
  hu: {
    locale: 'hu',
    minutes: { other: 'perc' },
    hours: { other: 'óra' },
    about: (d) => `körülbelül ${d} múlva`,
    latestIn: (d) => `legkésőbb ${d} múlva`,
    withinAMinute: 'egy percen belül',
    after: (day, time) => `${day} ${time} után`,
    latestBy: (day, time) => `legkésőbb ${day ? `${day} ` : ''}${time}-ig`,
    today: 'ma',
    tomorrow: 'holnap',
    onWeekday: ['hétfőn', 'kedden', 'szerdán', 'csütörtökön', 'pénteken', 'szombaton', 'vasárnap'],
    onDate: (date) => date,
    morning: (day) => `${day} reggel`,
  },
};
