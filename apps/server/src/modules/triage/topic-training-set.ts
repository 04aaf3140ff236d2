import type { TrainingExample } from './naive-bayes.ts';

/**
 * A small labelled set of support messages (written for these tests) in English, Lithuanian and
 * Polish, over three topics. None of the held-out messages in naive-bayes.test.ts appears here.
 */
const byTopic: Record<string, Record<string, string[]>> = {
  billing: {
    en: [
      'I was charged twice for my subscription this month',
      'Please send me the invoice for my last payment',
      'Why is my bill higher than usual?',
      'I would like a refund for the unused months',
      'The payment failed but money left my account',
      'Can I change the card used for payments?',
    ],
    lt: [
      'Mane apmokestino du kartus už prenumeratą',
      'Prašau atsiųsti sąskaitą faktūrą už paskutinį mokėjimą',
      'Kodėl mano sąskaita didesnė nei įprastai?',
      'Norėčiau grąžinti pinigus už nepanaudotus mėnesius',
      'Mokėjimas nepavyko, bet pinigai nuskaityti',
      'Kaip pakeisti mokėjimo kortelę?',
    ],
    pl: [
      'Obciążono mnie dwa razy za subskrypcję',
      'Proszę o fakturę za ostatnią płatność',
      'Dlaczego mój rachunek jest wyższy niż zwykle?',
      'Chciałbym zwrot pieniędzy za niewykorzystane miesiące',
      'Płatność nie przeszła, ale pieniądze zniknęły z konta',
    ],
  },
  delivery: {
    en: [
      'My parcel has not arrived yet',
      'The courier did not come today',
      'Where is my package? The tracking shows nothing',
      'The delivery address on my order is wrong',
      'The box arrived damaged',
      'When will my order be shipped?',
    ],
    lt: [
      'Mano siuntinys dar neatkeliavo',
      'Kurjeris šiandien neatvažiavo',
      'Kur mano siunta? Sekimas nieko nerodo',
      'Užsakymo pristatymo adresas neteisingas',
      'Dėžė atkeliavo sugadinta',
      'Kada išsiųsite mano užsakymą?',
    ],
    pl: [
      'Moja przesyłka jeszcze nie dotarła',
      'Kurier dzisiaj nie przyjechał',
      'Gdzie jest moja paczka? Śledzenie nic nie pokazuje',
      'Adres dostawy w zamówieniu jest błędny',
      'Paczka przyszła uszkodzona',
    ],
  },
  account: {
    en: [
      'I cannot log in to my account',
      'The password reset email never comes',
      'How do I change the email address of my account?',
      'My account was locked after too many attempts',
      'Please delete my account and my data',
      'Two-factor code does not work when I sign in',
    ],
    lt: [
      'Negaliu prisijungti prie paskyros',
      'Slaptažodžio atkūrimo laiškas neateina',
      'Kaip pakeisti paskyros el. pašto adresą?',
      'Mano paskyra užblokuota po per daug bandymų',
      'Prašau ištrinti mano paskyrą ir duomenis',
      'Prisijungimo kodas neveikia',
    ],
    pl: [
      'Nie mogę zalogować się do konta',
      'Email do resetu hasła nie przychodzi',
      'Jak zmienić adres email konta?',
      'Moje konto zostało zablokowane po wielu próbach',
      'Proszę usunąć moje konto i dane',
    ],
  },
};

export const topicTrainingSet: TrainingExample[] = Object.entries(byTopic).flatMap(([topicId, languages]) =>
  Object.entries(languages).flatMap(([language, texts]) =>
    texts.map((text) => ({ text, language, topicId })),
  ),
);
