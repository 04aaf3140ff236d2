import { type DemoConversation, fromAgent, fromCustomer, note } from './demo-data.ts';

/** Hungarian conversations; replies in Hungarian, internal notes in English. */
export const hungarianConversations: DemoConversation[] = [
  {
    customer: 'katalin',
    subject: 'Késik a csomagom – 91266-os rendelés',
    channel: 'email',
    team: 'orders',
    assignee: 'eszter',
    status: 'pending',
    priority: 'normal',
    tags: ['delivery', 'delayed'],
    daysAgo: 4,
    messages: [
      fromCustomer(
        0,
        'Jó napot!\n\nA 91266-os számú rendelésemet múlt héten adtam le, a visszaigazolás szerint 2–3 munkanapon belül meg kellett volna érkeznie. A csomagkövetés már négy napja azt mutatja, hogy „A csomag úton van”. Meg tudnák nézni, hol tart?\n\nKöszönöm:\nSzabó Katalin',
      ),
      note(
        3,
        'Parcel stuck at the GLS Budapest depot because of an unreadable label. Relabelling requested.',
      ),
      fromAgent(
        3.5,
        'Kedves Katalin!\n\nElnézést kérünk a késésért. Utánanéztünk: a csomag a futárszolgálat budapesti depójában akadt el egy olvashatatlan címke miatt. Kértük az újracímkézést, így holnap kézbesítik. Meg tudná erősíteni, hogy a szállítási cím (Petőfi Sándor utca 12., 6720 Szeged) helyes?\n\nÜdvözlettel:\nEszter',
      ),
    ],
  },
  {
    customer: 'katalin',
    subject: 'Nem működik a TAVASZ10 kuponkód',
    channel: 'chat',
    team: 'billing',
    assignee: 'eszter',
    status: 'closed',
    priority: 'low',
    tags: ['discount-code'],
    daysAgo: 24,
    messages: [
      fromCustomer(
        0,
        'Jó napot! A hírlevélben kapott TAVASZ10 kuponkódot nem fogadja el a rendszer, azt írja, hogy „Érvénytelen kupon”. Mit rontok el?',
      ),
      fromAgent(
        0.1,
        'Kedves Katalin! A kupon csak 15 000 Ft feletti kosárértéknél érvényes, ez sajnos kimaradt a hírlevélből. Elnézést kérünk! Kárpótlásul a fiókjához rendeltünk egy ugyanekkora értékű kupont, amelyhez nem kell minimális kosárérték.',
      ),
      fromCustomer(0.2, 'Így már működött, köszönöm szépen!'),
    ],
  },
  {
    customer: 'laszlo',
    subject: 'Kétszer terhelték meg a bankkártyámat',
    channel: 'email',
    team: 'billing',
    assignee: 'eszter',
    status: 'open',
    priority: 'high',
    tags: ['billing', 'double-charge'],
    daysAgo: 1,
    messages: [
      fromCustomer(
        0,
        'Jó napot!\n\nA 91540-es rendelés kifizetésekor kétszer terhelték meg a bankkártyámat, egyenként 24 990 Ft-tal. Csak egy rendelést adtam le. Kérem, a második összeget minél előbb utalják vissza!\n\nTóth László',
      ),
      note(
        1,
        'One capture and one pending authorisation. The authorisation expires by itself; explain, and offer to chase the bank if it is still visible after 7 days.',
      ),
      fromAgent(
        1.5,
        'Kedves László!\n\nEllenőriztük a fizetést: csak egy terhelés történt, a második tétel ideiglenes zárolás, amelyet a bank 3–7 munkanapon belül automatikusan felold. Ha egy hét múlva is látja, jelezze nekünk, és felvesszük a kapcsolatot a bankkal.\n\nÜdvözlettel:\nEszter',
      ),
      fromCustomer(5, 'A bankom szerint mindkettő végleges terhelés, nem zárolás. Kérem, nézzék meg újra!'),
    ],
  },
  {
    customer: 'laszlo',
    subject: 'Nem tudok bejelentkezni, nem jön meg a jelszó-visszaállító e-mail',
    channel: 'web_form',
    team: 'technical',
    assignee: 'bence',
    status: 'solved',
    priority: 'normal',
    tags: ['login'],
    daysAgo: 2,
    messages: [
      fromCustomer(
        0,
        'Jó napot! Tegnap óta nem tudok belépni a fiókomba. A jelszó-visszaállító e-mail nem érkezik meg, a spam mappában sincs.',
      ),
      fromAgent(
        2,
        'Kedves László!\n\nA levelezőszolgáltatója visszautasította a leveleinket, ezért nem kapta meg a jelszó-visszaállító e-mailt. Most újra elküldtük a linket egy másik feladói címről. Kérem, nézze meg a postafiókját, és jelezze, ha sikerült belépnie.\n\nÜdvözlettel:\nBence',
      ),
      fromCustomer(3, 'Megjött a levél, sikerült új jelszót beállítanom. Köszönöm!'),
    ],
  },
  {
    customer: 'zsofia',
    subject: 'Porszívó visszaküldése',
    channel: 'email',
    team: 'orders',
    assignee: 'eszter',
    status: 'closed',
    priority: 'normal',
    tags: ['return'],
    daysAgo: 17,
    messages: [
      fromCustomer(
        0,
        'Jó napot! Szeretném visszaküldeni a 90122-es rendelésben kapott porszívót, mert túl hangos. Hogyan tudom ezt megtenni?',
      ),
      fromAgent(
        4,
        'Kedves Zsófia!\n\nA terméket 30 napon belül díjmentesen visszaküldheti. A visszaküldési címkét e-mailben elküldtük: nyomtassa ki, ragassza a dobozra, és adja le bármelyik csomagautomatában. A vételárat a csomag beérkezése után 5 munkanapon belül visszautaljuk.\n\nÜdvözlettel:\nEszter',
      ),
      fromCustomer(20, 'Feladtam a csomagot.'),
      fromAgent(
        68,
        'Kedves Zsófia! Megérkezett a porszívó, a 39 990 Ft-ot visszautaltuk a bankkártyájára. Szép napot kívánunk!\n\nEszter',
      ),
    ],
  },
  {
    customer: 'zsofia',
    subject: 'Panasz: sérülten érkezett a kanapé',
    channel: 'email',
    team: 'complaints',
    assignee: 'eszter',
    status: 'on_hold',
    priority: 'high',
    tags: ['complaint', 'damaged'],
    daysAgo: 6,
    messages: [
      fromCustomer(
        0,
        'Jó napot!\n\nTegnap szállították ki a kanapét, amelyre hat hétig vártam. Az egyik lába letört, a kárpiton pedig egy hosszú szakadás van. A futár sietett, nem hagyta, hogy kibontsam a csomagot. Nagyon csalódott vagyok.',
      ),
      fromAgent(
        2,
        'Kedves Zsófia!\n\nNagyon sajnáljuk, ez valóban bosszantó, főleg ennyi várakozás után. Kérem, küldjön néhány fényképet a sérülésekről, és máris intézzük a cserét vagy a javítást – ahogy Önnek jobb.\n\nÜdvözlettel:\nEszter',
      ),
      fromCustomer(4, 'Elküldtem a fotókat. Inkább cserét szeretnék, nem javítást.'),
      note(
        5,
        'Replacement sofa ordered from the supplier, delivery in 10–12 days. Carrier damage claim filed. On hold until the supplier confirms the date.',
      ),
      fromAgent(
        5.5,
        'Kedves Zsófia! Köszönjük a fotókat. Az új kanapét megrendeltük a gyártótól, a pontos szállítási időpontról néhány napon belül értesítjük.\n\nEszter',
      ),
    ],
  },
  {
    customer: 'gabor',
    subject: 'Helyesbítő számla kérése – hibás adószám',
    channel: 'email',
    team: 'billing',
    assignee: 'eszter',
    status: 'pending',
    priority: 'normal',
    tags: ['invoice', 'vat', 'b2b'],
    daysAgo: 5,
    messages: [
      fromCustomer(
        0,
        'Tisztelt Ügyfélszolgálat!\n\nAz FL-04417 számú számlán hibásan szerepel cégünk adószáma. A helyes adatok: Farkas és Társa Kft., 1052 Budapest, Váci utca 20., adószám: 12345678-2-41. Kérem, állítsanak ki helyesbítő számlát.\n\nÜdvözlettel:\nFarkas Gábor\nügyvezető',
      ),
      fromAgent(
        6,
        'Tisztelt Farkas Úr!\n\nKöszönjük a jelzést. A helyesbítő számlát kiállítottuk, és e-mailben elküldtük. Kérem, ellenőrizze, hogy most minden adat helyes-e.\n\nÜdvözlettel:\nEszter',
      ),
    ],
  },
  {
    customer: 'gabor',
    subject: 'Leállás – nem tölt be a webshop',
    channel: 'email',
    team: 'technical',
    assignee: 'bence',
    status: 'solved',
    priority: 'urgent',
    tags: ['outage', 'b2b'],
    daysAgo: 2,
    messages: [
      fromCustomer(
        0,
        'Jó napot! Fél órája nem tölt be a webshop, csak egy „Szolgáltatás nem elérhető” oldal jelenik meg. Sürgősen le kellene adnunk egy rendelést. Mikorra várható a javítás?',
      ),
      note(
        0.2,
        'Same incident as the other outage reports: CDN misconfiguration after the morning deploy, fixed at 10:40.',
      ),
      fromAgent(
        0.5,
        'Tisztelt Farkas Úr!\n\nElnézést kérünk, a reggeli frissítés után rövid leállás történt. A hibát elhárítottuk, a webshop ismét elérhető. Ha a rendelés leadásakor bármilyen problémába ütközik, kérem, jelezze.\n\nÜdvözlettel:\nBence',
      ),
      fromCustomer(1, 'Köszönöm, már működik, a rendelést leadtuk.'),
    ],
  },
  {
    customer: 'reka',
    subject: 'Rossz terméket kaptam – 91803-as rendelés',
    channel: 'email',
    team: 'orders',
    assignee: 'eszter',
    status: 'open',
    priority: 'normal',
    tags: ['wrong-item'],
    daysAgo: 3,
    messages: [
      fromCustomer(
        0,
        'Jó napot! A 91803-as rendelésben fekete futócipőt rendeltem 38-as méretben, de kék színűt kaptam 39-es méretben. Kérem, cseréljék ki.',
      ),
      fromAgent(
        3,
        'Kedves Réka!\n\nElnézést kérünk a tévedésért. A fekete, 38-as cipőt már el is küldtük, holnap megérkezik. A futár a rossz párat ugyanakkor elviszi, Önnek csak át kell adnia.\n\nÜdvözlettel:\nEszter',
      ),
      fromCustomer(5, 'Köszönöm! A futár délelőtt vagy délután jön? Délután 2-ig dolgozom.'),
    ],
  },
  {
    customer: 'reka',
    subject: 'Prémium előfizetés lemondása',
    channel: 'web_form',
    team: 'billing',
    assignee: null,
    status: 'new',
    priority: 'low',
    tags: ['subscription'],
    daysAgo: 0,
    messages: [
      fromCustomer(
        0,
        'Jó napot! Szeretném lemondani a Prémium előfizetésemet a következő hónaptól. A fiókomban nem találom, hol lehet ezt megtenni.\n\nKöszönöm:\nMolnár Réka',
      ),
    ],
  },
  {
    customer: 'istvan',
    subject: 'Hangüzenet: garanciális javítás állapota',
    channel: 'phone',
    team: 'technical',
    assignee: null,
    status: 'new',
    priority: 'normal',
    tags: ['warranty', 'callback'],
    daysAgo: 0,
    messages: [
      fromCustomer(
        0,
        'Jó napot kívánok, Varga István vagyok. Három hete vittem be garanciális javításra a mosogatógépemet, de azóta semmi hírt nem kaptam. A munkalap száma 7781. Kérem, hívjanak vissza délután négy után. Köszönöm.',
      ),
    ],
  },
  {
    customer: 'istvan',
    subject: 'Rendelés lemondása – 90877',
    channel: 'phone',
    team: 'orders',
    assignee: 'eszter',
    status: 'closed',
    priority: 'normal',
    tags: ['cancellation'],
    daysAgo: 15,
    messages: [
      fromCustomer(
        0,
        'Jó napot, a tegnapi, 90877-es rendelésemet szeretném lemondani, mert máshol olcsóbban megtaláltam.',
      ),
      fromAgent(
        1,
        'Kedves István! A 90877-es rendelést töröltük, a 18 490 Ft-ot 3 munkanapon belül visszautaljuk. Üdvözlettel: Eszter',
      ),
    ],
  },
  {
    customer: 'noemi',
    subject: 'Összeomlik az alkalmazás a rendeléseim megnyitásakor',
    channel: 'email',
    team: 'technical',
    assignee: 'bence',
    status: 'on_hold',
    priority: 'normal',
    tags: ['app', 'bug'],
    daysAgo: 5,
    messages: [
      fromCustomer(
        0,
        'Jó napot! A legutóbbi frissítés óta az Android-alkalmazás összeomlik, amikor megnyitom a rendeléseimet. Samsung Galaxy S21-em van, Android 14-gyel.',
      ),
      note(
        4,
        'Crash confirmed on Android 14 for accounts with more than 50 orders (APP-1901). Fix scheduled for next week’s release; on hold until then.',
      ),
      fromAgent(
        4.5,
        'Kedves Noémi!\n\nKöszönjük a jelzést, a hibát sikerült reprodukálnunk. A javítás a jövő heti alkalmazásfrissítésben érkezik. Addig a rendeléseit a weboldalon tudja megnézni. Értesítjük, amint a frissítés elérhető.\n\nÜdvözlettel:\nBence',
      ),
    ],
  },
  {
    customer: 'noemi',
    subject: 'Céges számlát kérnék a 91702-es rendelésről',
    channel: 'email',
    team: 'billing',
    assignee: 'eszter',
    status: 'solved',
    priority: 'low',
    tags: ['invoice'],
    daysAgo: 1,
    messages: [
      fromCustomer(
        0,
        'Jó napot! A 91702-es rendelésemről céges számlára lenne szükségem. Cégnév: Balogh Design Bt., 9021 Győr, Baross Gábor út 5., adószám: 28765432-1-08.',
      ),
      fromAgent(
        3,
        'Kedves Noémi!\n\nA céges számlát kiállítottuk és e-mailben elküldtük. A fiókjában, a „Számláim” menüpontban is megtalálja.\n\nÜdvözlettel:\nEszter',
      ),
      fromCustomer(4, 'Megkaptam, köszönöm!'),
    ],
  },
  {
    customer: 'adam',
    subject: 'Panasz a futárra – be sem csöngetett',
    channel: 'email',
    team: 'complaints',
    assignee: 'eszter',
    status: 'pending',
    priority: 'high',
    tags: ['complaint', 'courier'],
    daysAgo: 3,
    messages: [
      fromCustomer(
        0,
        'Jó napot!\n\nA futár ma be sem csöngetett, csak egy értesítőt hagyott a postaládában, hogy nem talált otthon – pedig egész nap itthon voltam. Ez már a második eset. A csomagra holnapig szükségem lenne.\n\nPapp Ádám',
      ),
      note(
        1,
        'Second failed delivery without ringing the bell. Complaint sent to the courier; asked for a fixed delivery window tomorrow morning.',
      ),
      fromAgent(
        1.5,
        'Kedves Ádám!\n\nNagyon sajnáljuk, ez elfogadhatatlan. Panaszt tettünk a futárszolgálatnál, és kértük, hogy holnap délelőtt 9 és 12 óra között kézbesítsék a csomagot. Megfelel Önnek ez az időpont?\n\nÜdvözlettel:\nEszter',
      ),
    ],
  },
  {
    customer: 'adam',
    subject: 'Mikor lesz újra kapható a TX-500 robotporszívó?',
    channel: 'web_form',
    team: 'orders',
    assignee: null,
    status: 'new',
    priority: 'low',
    tags: ['pre-sales'],
    daysAgo: 1,
    messages: [
      fromCustomer(
        0,
        'Jó napot! Mikor lesz újra kapható a TX-500-as robotporszívó? Születésnapi ajándéknak szánnám, a hónap végéig szükségem lenne rá.\n\nKöszönöm:\nPapp Ádám',
      ),
    ],
  },
];
