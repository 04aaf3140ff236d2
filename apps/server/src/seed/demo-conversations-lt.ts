import { type DemoConversation, fromAgent, fromCustomer, note } from './demo-data.ts';

/** Lithuanian conversations; the Lithuania desk answers most of them, notes stay in English. */
export const lithuanianConversations: DemoConversation[] = [
  {
    customer: 'ona',
    subject: 'Vėluoja siuntinys – užsakymas Nr. 58214',
    channel: 'email',
    team: 'lithuania',
    assignee: 'jonas',
    status: 'on_hold',
    priority: 'normal',
    tags: ['delivery', 'delayed'],
    daysAgo: 6,
    messages: [
      fromCustomer(
        0,
        'Laba diena, užsakymą Nr. 58214 pateikiau prieš savaitę, svetainėje buvo parašyta, kad prekės atkeliaus per 2–3 darbo dienas. Siuntos sekimas jau penktą dieną rodo „Siunta perduota kurjeriui“ ir niekas nesikeičia. Gal galite pasitikslinti, kur mano siuntinys?\n\nOna',
      ),
      fromAgent(
        3,
        'Laba diena, Ona,\n\natsiprašome, kad siunta vėluoja. Patikrinau užsakymą Nr. 58214 – siuntinys išsiųstas iš sandėlio antradienį, tačiau kurjeris jo dar nepristatė į Kauno terminalą. Jau parašiau kurjerių tarnybai ir paprašiau patikslinti siuntos vietą. Kai tik gausiu atsakymą, iškart jums pranešiu.\n\nPagarbiai\nJonas',
      ),
      note(
        3.2,
        'Opened a claim with the courier (ref. DPD-LT-77412). They promise an answer within 2 business days. Putting this on hold until they reply.',
      ),
      fromCustomer(
        26,
        'Ačiū už atsakymą. Gal yra kokių naujienų? Šeštadienį išvažiuoju, norėčiau gauti siuntinį iki penktadienio.',
      ),
      fromAgent(
        28,
        'Ona, kurjeris patvirtino, kad siuntinys per klaidą buvo nukreiptas į Klaipėdos terminalą. Jis jau grąžinamas ir turėtų būti pristatytas ketvirtadienį. Jei iki penktadienio siuntos negausite, nemokamai išsiųsime naują.\n\nJonas',
      ),
    ],
  },
  {
    customer: 'ona',
    subject: 'Kaip pakeisti pristatymo adresą?',
    channel: 'web_form',
    team: 'lithuania',
    assignee: null,
    status: 'new',
    priority: 'low',
    tags: ['address-change'],
    daysAgo: 0,
    messages: [
      fromCustomer(
        0,
        'Sveiki, ką tik pateikiau užsakymą Nr. 59102 ir pastebėjau, kad nurodžiau seną adresą (Savanorių pr. 112, Kaunas). Prašau pristatyti į Partizanų g. 58-14, Kaunas. Ar dar galima pakeisti?',
      ),
    ],
  },
  {
    customer: 'mantas',
    subject: 'Du kartus nuskaičiuoti pinigai už užsakymą',
    channel: 'email',
    team: 'billing',
    assignee: 'ruta',
    status: 'open',
    priority: 'high',
    tags: ['billing', 'double-charge'],
    daysAgo: 2,
    messages: [
      fromCustomer(
        0,
        'Sveiki, vakar apmokėjau užsakymą Nr. 58877 kortele (89,99 €), o šiandien banko išraše matau dvi vienodas operacijas po 89,99 €. Užsakymas tik vienas. Prašau grąžinti antrą nuskaičiuotą sumą.\n\nMantas Petraitis',
      ),
      note(
        1,
        'Payment provider shows one captured payment and one authorisation that was never captured. The hold should drop off within 7 days; double-check before promising a refund.',
      ),
      fromAgent(
        1.5,
        'Laba diena, Mantai,\n\načiū, kad pranešėte. Patikrinome mokėjimą: iš tikrųjų nuskaičiuota tik viena suma, o antroji operacija yra laikinas lėšų rezervavimas, kurį bankas automatiškai panaikins per 3–7 darbo dienas. Jei po savaitės rezervavimas vis dar bus matomas, parašykite mums – susisieksime su banku tiesiogiai.\n\nRūta',
      ),
      fromCustomer(
        20,
        'Supratau, bet bankas sako, kad abi operacijos jau įvykdytos, ne rezervuotos. Gal galite dar kartą patikrinti?',
      ),
    ],
  },
  {
    customer: 'mantas',
    subject: 'Neveikia nuolaidos kodas PAVASARIS15',
    channel: 'chat',
    team: 'lithuania',
    assignee: 'jonas',
    status: 'solved',
    priority: 'low',
    tags: ['discount-code'],
    daysAgo: 3,
    messages: [
      fromCustomer(
        0,
        'Laba, bandau panaudoti nuolaidos kodą PAVASARIS15, bet krepšelyje rodo „Kodas negalioja“. Kodą gavau naujienlaiškyje praėjusią savaitę.',
      ),
      fromAgent(
        0.1,
        'Sveiki, Mantai! Kodas PAVASARIS15 galioja tik ne akcijinėms prekėms, o jūsų krepšelyje esančios ausinės jau parduodamos su nuolaida. Vis dėlto norime, kad liktumėte patenkintas – jūsų paskyrai priskyrėme vienkartinį 10 % nuolaidos kodą MANTAS10, galiojantį 14 dienų.',
      ),
      fromCustomer(0.2, 'Suveikė, labai ačiū!'),
    ],
  },
  {
    customer: 'ieva',
    subject: 'Negaliu prisijungti prie paskyros',
    channel: 'email',
    team: 'lithuania',
    assignee: 'jonas',
    status: 'pending',
    priority: 'high',
    tags: ['login', 'account'],
    daysAgo: 1,
    messages: [
      fromCustomer(
        0,
        'Sveiki, nuo vakar negaliu prisijungti prie savo paskyros. Įvedu teisingą slaptažodį, bet rodo klaidą „Neteisingi prisijungimo duomenys“. Bandžiau atkurti slaptažodį, bet laiškas su nuoroda neateina, net į šlamšto aplanką.',
      ),
      note(
        2,
        'Account was locked after 5 failed attempts. Reset emails soft-bounced: her mailbox provider rejected them as spam. Unlocked the account manually and re-sent the reset link.',
      ),
      fromAgent(
        2.2,
        'Laba diena, Ieva,\n\njūsų paskyra buvo laikinai užblokuota po kelių nesėkmingų bandymų prisijungti – ją atblokavau. Slaptažodžio atkūrimo laiškus jūsų pašto dėžutė atmetė, todėl nuorodą išsiunčiau dar kartą. Ar dabar pavyko prisijungti? Jei laiško vis tiek negausite, parašykite, kokį kitą el. pašto adresą galėtume naudoti.\n\nJonas',
      ),
    ],
  },
  {
    customer: 'ieva',
    subject: 'Prekės grąžinimas – netiko dydis',
    channel: 'email',
    team: 'orders',
    assignee: 'jonas',
    status: 'closed',
    priority: 'normal',
    tags: ['return'],
    daysAgo: 18,
    messages: [
      fromCustomer(
        0,
        'Sveiki, noriu grąžinti užsakyme Nr. 56310 pirktą striukę – netiko dydis (M per maža). Prekė nenešiota, su etiketėmis. Kaip tai padaryti?',
      ),
      fromAgent(
        4,
        'Laba diena, Ieva,\n\nprekę galite grąžinti nemokamai per 30 dienų. Grąžinimo lipduką išsiuntėme jums el. paštu – atsispausdinkite jį, užklijuokite ant pakuotės ir palikite siuntą bet kuriame LP EXPRESS paštomate. Pinigus grąžinsime per 5 darbo dienas nuo siuntos gavimo.\n\nJonas',
      ),
      fromCustomer(22, 'Siuntą palikau paštomate šiandien ryte.'),
      fromAgent(
        70,
        'Ačiū, Ieva! Siuntą gavome, 59,00 € grąžinimas atliktas į jūsų kortelę. Pinigai sąskaitoje turėtų atsirasti per 1–3 darbo dienas. Gražios dienos!\n\nJonas',
      ),
    ],
  },
  {
    customer: 'darius',
    subject: 'Prašome pataisyti PVM sąskaitą faktūrą FL-01873',
    channel: 'email',
    team: 'billing',
    assignee: 'ruta',
    status: 'solved',
    priority: 'normal',
    tags: ['invoice', 'vat', 'b2b'],
    daysAgo: 2,
    messages: [
      fromCustomer(
        0,
        'Laba diena,\n\ngavome PVM sąskaitą faktūrą Nr. FL-01873, tačiau joje nurodytas neteisingas įmonės kodas ir nėra PVM mokėtojo kodo. Teisingi rekvizitai: UAB „Baltijos logistika“, įmonės kodas 302845719, PVM mokėtojo kodas LT100007215618, Vilniaus g. 31, Vilnius. Prašome išrašyti pataisytą sąskaitą.\n\nDarius Stankevičius\nFinansų vadovas',
      ),
      fromAgent(
        5,
        'Laba diena, Dariau,\n\natsiprašome už klaidą. Išrašėme kreditinę sąskaitą, anuliuojančią FL-01873, ir naują sąskaitą FL-01912 su teisingais rekvizitais. Abu dokumentus išsiuntėme el. paštu, juos rasite ir savo paskyros skiltyje „Sąskaitos“. Rekvizitus išsaugojome, todėl kitos sąskaitos bus išrašomos teisingai.\n\nRūta',
      ),
      fromCustomer(7, 'Gavome, viskas teisinga. Ačiū už greitą pagalbą.'),
    ],
  },
  {
    customer: 'darius',
    subject: 'Gavome priminimą apie neapmokėtą sąskaitą FL-01755',
    channel: 'email',
    team: 'billing',
    assignee: 'ruta',
    status: 'on_hold',
    priority: 'normal',
    tags: ['billing', 'bank-transfer', 'b2b'],
    daysAgo: 9,
    messages: [
      fromCustomer(
        0,
        'Sveiki, gavome priminimą, kad sąskaita FL-01755 neapmokėta, nors pavedimą (1 240,00 €) atlikome prieš dvi savaites. Mokėjimo paskirtyje nurodėme sąskaitos numerį. Gal galite patikrinti?',
      ),
      fromAgent(
        3,
        'Laba diena, Dariau,\n\načiū už informaciją. Mūsų sąskaitoje šio mokėjimo kol kas nematome – gali būti, kad bankas jį priskyrė kitai sąskaitai. Ar galėtumėte atsiųsti mokėjimo patvirtinimą (PDF)? Priminimų siuntimą kol kas sustabdėme.\n\nRūta',
      ),
      fromCustomer(5, 'Patvirtinimą išsiunčiau atskiru laišku. Mokėjimas atliktas iš SEB banko sąskaitos.'),
      note(
        6,
        'Asked finance to search unmatched incoming payments for EUR 1,240.00 from SEB. Waiting for finance; reminders paused until the end of the month.',
      ),
    ],
  },
  {
    customer: 'greta',
    subject: 'Gautas sugadintas televizorius',
    channel: 'email',
    team: 'complaints',
    assignee: 'tomas',
    status: 'open',
    priority: 'urgent',
    tags: ['damaged', 'complaint'],
    daysAgo: 1,
    messages: [
      fromCustomer(
        0,
        'Sveiki, šiandien kurjeris pristatė televizorių (užsakymas Nr. 58990), o išpakavus paaiškėjo, kad ekranas įskilęs. Dėžė iš išorės atrodė nepažeista. Esu labai nusivylusi – televizorių pirkau dovanų ir šeštadienį jo reikia. Prašau kuo skubiau išspręsti.',
      ),
      note(
        0.5,
        'Customer is upset and has a deadline (Saturday). Approved an express replacement; courier pickup of the damaged TV booked for tomorrow.',
      ),
      fromAgent(
        0.8,
        'Greta, labai atsiprašome – suprantame, kaip nemalonu gauti sugadintą dovaną. Naują televizorių jau išsiuntėme skubiu pristatymu, jį gausite ne vėliau kaip penktadienį. Kurjeris sugadintą televizorių paims rytoj tarp 10 ir 14 val., jums nieko nereikia pakuoti – užteks jį atiduoti.\n\nTomas',
      ),
      fromCustomer(2, 'Ačiū, kad taip greitai sureagavote. Ar kurjeris paskambins prieš atvykdamas?'),
    ],
  },
  {
    customer: 'greta',
    subject: 'Užsakymo atšaukimas',
    channel: 'web_form',
    team: 'orders',
    assignee: 'jonas',
    status: 'closed',
    priority: 'low',
    tags: ['cancellation'],
    daysAgo: 25,
    messages: [
      fromCustomer(
        0,
        'Laba diena, noriu atšaukti užsakymą Nr. 55120 – tą pačią prekę radau pigiau kitur. Užsakymas dar neišsiųstas.',
      ),
      fromAgent(
        2,
        'Sveiki, Greta,\n\nužsakymą Nr. 55120 atšaukėme, o 34,50 € grąžinome į jūsų banko sąskaitą. Pinigai turėtų atsirasti per 1–3 darbo dienas.\n\nJonas',
      ),
    ],
  },
  {
    customer: 'vytautas',
    subject: 'Balso pranešimas: programėlė užsidaro po atnaujinimo',
    channel: 'phone',
    team: 'lithuania',
    assignee: null,
    status: 'new',
    priority: 'normal',
    tags: ['app', 'callback'],
    daysAgo: 0,
    messages: [
      fromCustomer(
        0,
        'Sveiki, čia Vytautas Jonaitis. Nuo vakar, kai atsinaujino jūsų programėlė, ji telefone iškart užsidaro ir negaliu pasižiūrėti savo užsakymų. Telefonas Samsung Galaxy A54. Prašau perskambinti po penktos valandos. Ačiū.',
      ),
    ],
  },
  {
    customer: 'vytautas',
    subject: 'Kada grįš siurblys iš garantinio remonto?',
    channel: 'phone',
    team: 'lithuania',
    assignee: 'tomas',
    status: 'pending',
    priority: 'normal',
    tags: ['warranty'],
    daysAgo: 12,
    messages: [
      fromCustomer(
        0,
        'Sveiki, prieš dvi savaites atidaviau garantiniam remontui belaidį siurblį (užsakymas Nr. 54477). Niekas man nepranešė, kaip sekasi. Kada jį atgausiu?',
      ),
      note(5, 'Service centre says the motor is being replaced; parts expected next week.'),
      fromAgent(
        5.5,
        'Laba diena, Vytautai, serviso centras patvirtino, kad siurbliui keičiamas variklis. Dalys turėtų atkeliauti kitą savaitę, o remontas užtruks dar 2–3 dienas. Ar jums tiktų, jei suremontuotą siurblį pristatytume kurjeriu į namus? Tomas',
      ),
    ],
  },
  {
    customer: 'laura',
    subject: 'Nepavyksta apmokėti užsakymo kortele',
    channel: 'chat',
    team: 'lithuania',
    assignee: 'jonas',
    status: 'solved',
    priority: 'high',
    tags: ['outage', 'payment'],
    daysAgo: 2,
    messages: [
      fromCustomer(
        0,
        'Jau valandą bandau apmokėti užsakymą, bet įvedus kortelės duomenis puslapis užstringa ir rodo „Įvyko klaida. Bandykite vėliau“. Bandžiau su dviem skirtingomis kortelėmis.',
      ),
      note(
        0.1,
        'Known incident: card payments failing since 14:10 because of the payment provider outage (their status page, incident 4471). Tagging every report with "outage".',
      ),
      fromAgent(
        0.2,
        'Laba diena, Laura, atsiprašome – mūsų mokėjimų partneris šiuo metu turi techninį sutrikimą, todėl mokėjimai kortele laikinai neveikia. Jūsų krepšelis išsaugotas. Kai tik sutrikimas bus pašalintas, jums parašysime.',
      ),
      fromAgent(
        3,
        'Laura, sutrikimas pašalintas – mokėjimai kortele vėl veikia. Atsiprašydami už nepatogumus jūsų užsakymui pritaikėme nemokamą pristatymą.',
      ),
      fromCustomer(3.5, 'Ačiū, užsakymą jau apmokėjau.'),
    ],
  },
  {
    customer: 'laura',
    subject: 'Noriu atsisakyti „Premium“ prenumeratos',
    channel: 'email',
    team: 'billing',
    assignee: 'ruta',
    status: 'open',
    priority: 'low',
    tags: ['subscription'],
    daysAgo: 5,
    messages: [
      fromCustomer(
        0,
        'Sveiki, noriu atsisakyti „Premium“ prenumeratos nuo kito mėnesio. Paskyroje neradau, kur tai padaryti.',
      ),
      fromAgent(
        6,
        'Laba diena, Laura,\n\nprenumeratos atsisakyti galite skiltyje „Paskyra“ → „Prenumerata“ → „Atšaukti prenumeratą“. Jei norite, galime tai padaryti už jus – tik patvirtinkite. Prenumerata galios iki apmokėto laikotarpio pabaigos.\n\nRūta',
      ),
      fromCustomer(
        30,
        'Nerandu tokio mygtuko, gal galite atšaukti jūs? Ir ar grąžinsite pinigus už šį mėnesį, jei dar nesinaudojau?',
      ),
    ],
  },
  {
    customer: 'saulius',
    subject: 'Didmeninis užsakymas: 40 biuro kėdžių',
    channel: 'email',
    team: 'billing',
    assignee: null,
    status: 'new',
    priority: 'normal',
    tags: ['b2b', 'invoice'],
    daysAgo: 0,
    messages: [
      fromCustomer(
        0,
        'Laba diena,\n\nnorėtume užsakyti 40 vnt. biuro kėdžių „Ergo Pro“. Prašome atsiųsti išankstinio apmokėjimo sąskaitą įmonei MB „Grigonio baldai“, įmonės kodas 305512870, ir nurodyti, ar taikoma kiekio nuolaida.\n\nSaulius Grigonis',
      ),
    ],
  },
  {
    customer: 'saulius',
    subject: 'Atsiųstos ne tos spalvos lempos',
    channel: 'email',
    team: 'orders',
    assignee: 'jonas',
    status: 'closed',
    priority: 'high',
    tags: ['wrong-item', 'complaint', 'b2b'],
    daysAgo: 21,
    messages: [
      fromCustomer(
        0,
        'Sveiki, užsakėme 6 juodas stalo lempas, o gavome baltas. Mums jų reikia biuro atidarymui kitą savaitę. Kaip greitai galite pakeisti?',
      ),
      fromAgent(
        1,
        'Sveiki, Sauliau,\n\natsiprašome už klaidą sandėlyje. Juodas lempas išsiuntėme šiandien, rytoj jos bus pas jus. Baltas lempas kurjeris paims tuo pačiu metu – jų iš naujo pakuoti nereikia.\n\nJonas',
      ),
      fromCustomer(26, 'Gavome, ačiū. Baltas lempas atidavėme kurjeriui.'),
      note(
        27,
        'Root cause: wrong SKU picked (LMP-220-W instead of LMP-220-B). Reported to the warehouse lead for the picking review.',
      ),
    ],
  },
];
