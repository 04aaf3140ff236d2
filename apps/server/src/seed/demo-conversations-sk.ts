import { type DemoConversation, fromAgent, fromCustomer, note } from './demo-data.ts';

/** Slovak conversations; replies in Slovak, internal notes in English. */
export const slovakConversations: DemoConversation[] = [
  {
    customer: 'jana',
    subject: 'Objednávka č. 71385 stále nedorazila',
    channel: 'email',
    team: 'orders',
    assignee: 'marek',
    status: 'pending',
    priority: 'normal',
    tags: ['delivery', 'delayed'],
    daysAgo: 5,
    messages: [
      fromCustomer(
        0,
        'Dobrý deň,\n\nobjednávku č. 71385 som zaplatila minulý piatok a doteraz mi neprišla. Sledovanie zásielky ukazuje stále iba „Zásielka bola zaevidovaná“. Mohli by ste mi prosím povedať, kedy ju môžem očakávať?\n\nĎakujem\nJana Horváthová',
      ),
      fromAgent(
        4,
        'Dobrý deň, pani Horváthová,\n\nospravedlňujeme sa za meškanie. Zásielku sme odovzdali Slovenskej pošte až v pondelok, pretože jeden z tovarov sme museli doobjednať od dodávateľa. Podľa pošty by mala byť doručená zajtra. Ak by neprišla ani v stredu, dajte nám vedieť a pošleme novú.\n\nS pozdravom\nMarek',
      ),
      fromCustomer(50, 'Zásielka stále nedorazila a na pošte mi povedali, že o nej nič nevedia.'),
      note(
        52,
        'Slovak Post cannot locate the parcel. Filed a search request (SP-2291804) and sent a replacement by DPD.',
      ),
      fromAgent(
        52.5,
        'Pani Horváthová,\n\nna pošte sme podali reklamáciu stratenej zásielky a zároveň vám dnes posielame novú kuriérom DPD s doručením do 2 pracovných dní. Môžete nám prosím potvrdiť, že adresa Hlavná 14, 040 01 Košice je stále správna?\n\nMarek',
      ),
    ],
  },
  {
    customer: 'jana',
    subject: 'Záruka na práčku – hlučné odstreďovanie',
    channel: 'email',
    team: 'technical',
    assignee: 'bence',
    status: 'closed',
    priority: 'low',
    tags: ['warranty'],
    daysAgo: 20,
    messages: [
      fromCustomer(
        0,
        'Dobrý deň, práčka, ktorú som u vás kúpila pred rokom, začala pri odstreďovaní veľmi hlučne búchať. Vzťahuje sa na to ešte záruka?',
      ),
      fromAgent(
        5,
        'Dobrý deň, pani Horváthová,\n\náno, na práčku platí záruka 24 mesiacov. Servisný technik vás bude kontaktovať do 3 pracovných dní a dohodne si s vami termín návštevy. Pripravte si prosím doklad o kúpe alebo číslo objednávky.\n\nS pozdravom\nBence',
      ),
      fromCustomer(96, 'Technik bol u mňa včera a vymenil tlmiče. Práčka už funguje normálne. Ďakujem!'),
    ],
  },
  {
    customer: 'peter',
    subject: 'Platba mi bola stiahnutá dvakrát',
    channel: 'email',
    team: 'billing',
    assignee: 'zuzana',
    status: 'on_hold',
    priority: 'high',
    tags: ['billing', 'double-charge', 'refund'],
    daysAgo: 4,
    messages: [
      fromCustomer(
        0,
        'Dobrý deň, pri platbe za objednávku č. 71902 mi z účtu odišli dve platby po 149,90 €. Objednávku mám iba jednu. Prosím o vrátenie druhej platby čo najskôr, peniaze potrebujem na nájom.',
      ),
      fromAgent(
        2,
        'Dobrý deň, pán Kováč,\n\nďakujeme za upozornenie a ospravedlňujeme sa. Overili sme, že platba naozaj prebehla dvakrát – chyba nastala pri opakovanom odoslaní platobného formulára. Vrátenie 149,90 € sme už zadali, peniaze by mali byť na vašom účte do 5 pracovných dní.\n\nS pozdravom\nZuzana',
      ),
      note(
        2.2,
        'Refund of EUR 149.90 submitted to the payment provider (RF-88213). On hold until the provider confirms settlement.',
      ),
    ],
  },
  {
    customer: 'peter',
    subject: 'Neviem sa prihlásiť – stratený telefón a dvojfaktorové overenie',
    channel: 'web_form',
    team: 'technical',
    assignee: 'marek',
    status: 'open',
    priority: 'high',
    tags: ['login', '2fa'],
    daysAgo: 1,
    messages: [
      fromCustomer(
        0,
        'Dobrý deň, stratil som mobil a teraz sa neviem prihlásiť do účtu, lebo mi to pýta overovací kód z aplikácie. Záložné kódy nemám. Ako si môžem obnoviť prístup?',
      ),
      note(
        1,
        'Identity check required before a 2FA reset: last order number and billing address. Never reset on an email request alone.',
      ),
      fromAgent(
        1.2,
        'Dobrý deň, pán Kováč,\n\nkvôli bezpečnosti vášho účtu musíme najprv overiť vašu totožnosť. Napíšte nám prosím číslo vašej poslednej objednávky a fakturačnú adresu. Po overení vám dvojfaktorové overenie vypneme a budete si ho môcť nastaviť v novom telefóne.\n\nMarek',
      ),
      fromCustomer(3, 'Posledná objednávka bola 71902, adresa Mierová 8, 821 05 Bratislava.'),
    ],
  },
  {
    customer: 'martina',
    subject: 'Výmena topánok za inú veľkosť',
    channel: 'email',
    team: 'orders',
    assignee: 'marek',
    status: 'solved',
    priority: 'normal',
    tags: ['return', 'exchange'],
    daysAgo: 3,
    messages: [
      fromCustomer(
        0,
        'Dobrý deň, chcela by som vrátiť topánky z objednávky č. 70455, sú mi malé. Môžem ich vymeniť za veľkosť 39, alebo musím požiadať o vrátenie peňazí?',
      ),
      fromAgent(
        3,
        'Dobrý deň, pani Nováková,\n\nvýmena je samozrejme možná. Veľkosť 39 máme skladom a odložili sme vám ju. Pôvodné topánky pošlite bezplatne cez Packetu – stačí na ktoromkoľvek výdajnom mieste nahlásiť kód 4471-0935. Nové topánky odošleme hneď, ako nám staré dorazia.\n\nMarek',
      ),
      fromCustomer(20, 'Super, topánky som dnes odoslala.'),
      fromAgent(
        46,
        'Ďakujeme, pani Nováková, topánky sme prijali a veľkosť 39 je už na ceste. Prajeme pekný deň!\n\nMarek',
      ),
    ],
  },
  {
    customer: 'martina',
    subject: 'Reklamácia – slúchadlá prestali nabíjať',
    channel: 'web_form',
    team: 'complaints',
    assignee: null,
    status: 'new',
    priority: 'normal',
    tags: ['complaint', 'warranty'],
    daysAgo: 0,
    messages: [
      fromCustomer(
        0,
        'Dobrý deň, bezdrôtové slúchadlá, ktoré som kúpila pred mesiacom, prestali nabíjať. Ľavé slúchadlo sa vôbec nerozsvieti. Chcem ich reklamovať. Ako mám postupovať?',
      ),
    ],
  },
  {
    customer: 'lukas',
    subject: 'Oprava faktúry FA-02214 – chýba IČ DPH',
    channel: 'email',
    team: 'billing',
    assignee: 'zuzana',
    status: 'pending',
    priority: 'normal',
    tags: ['invoice', 'vat', 'b2b'],
    daysAgo: 6,
    messages: [
      fromCustomer(
        0,
        'Dobrý deň,\n\nna faktúre č. FA-02214 chýba naše IČ DPH a je uvedený nesprávny názov firmy („Balaz sro“). Správne údaje: Baláž s.r.o., Štúrova 22, 949 01 Nitra, IČO 47281934, IČ DPH SK2023819456. Prosím o opravnú faktúru.\n\nLukáš Baláž\nkonateľ',
      ),
      fromAgent(
        5,
        'Dobrý deň, pán Baláž,\n\nďakujeme za upozornenie. Vystavili sme dobropis k faktúre FA-02214 a novú faktúru FA-02251 so správnymi údajmi. Oba doklady sme vám poslali e-mailom. Môžete nám prosím potvrdiť, že sú v poriadku?\n\nZuzana',
      ),
    ],
  },
  {
    customer: 'lukas',
    subject: 'Výpadok – B2B portál hlási chybu 502',
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
        'Dobrý deň, od rána sa nevieme dostať do B2B portálu, stránka hlási chybu 502. Dnes ešte potrebujeme zadať objednávku pre zákazníka. Viete, kedy to bude fungovať?',
      ),
      note(
        0.3,
        'Incident: B2B portal returning 502 after the morning deployment. Engineering rolled back at 10:40. Reply to every B2B report.',
      ),
      fromAgent(
        1,
        'Dobrý deň, pán Baláž,\n\nospravedlňujeme sa – po rannej aktualizácii nastal výpadok B2B portálu. Chybu sme odstránili a portál opäť funguje. Ak by ste pri zadávaní objednávky narazili na akýkoľvek problém, dajte mi prosím vedieť.\n\nBence',
      ),
      fromCustomer(1.5, 'Už to ide, objednávku sme zadali. Vďaka.'),
    ],
  },
  {
    customer: 'veronika',
    subject: 'Mikrovlnka doručená s preliačenými dvierkami',
    channel: 'email',
    team: 'orders',
    assignee: 'marek',
    status: 'on_hold',
    priority: 'high',
    tags: ['damaged', 'delivery'],
    daysAgo: 7,
    messages: [
      fromCustomer(
        0,
        'Dobrý deň, kuriér mi dnes doručil mikrovlnku s preliačenými dvierkami. Krabica bola roztrhnutá. Fotky vám môžem poslať. Chcem tovar vymeniť.',
      ),
      fromAgent(
        2,
        'Dobrý deň, pani Tóthová,\n\nveľmi nás to mrzí. Pošlite nám prosím fotky poškodenia aj obalu – potrebujeme ich na reklamáciu u prepravcu. Novú mikrovlnku vám pošleme hneď, ako ich dostaneme.\n\nMarek',
      ),
      fromCustomer(5, 'Fotky som poslala v samostatnom e-maile.'),
      note(
        24,
        'Photos received. Damage claim filed with GLS (5510-2287). Replacement waits for stock arriving on Thursday.',
      ),
      fromAgent(
        24.5,
        'Ďakujeme za fotky, pani Tóthová. Reklamáciu u prepravcu sme podali. Nová mikrovlnka bude na sklade vo štvrtok a hneď v ten deň vám ju odošleme.\n\nMarek',
      ),
    ],
  },
  {
    customer: 'veronika',
    subject: 'Zmena adresy doručenia pri objednávke č. 69012',
    channel: 'web_form',
    team: 'orders',
    assignee: 'marek',
    status: 'closed',
    priority: 'low',
    tags: ['address-change'],
    daysAgo: 28,
    messages: [
      fromCustomer(
        0,
        'Dobrý deň, mohli by ste mi prosím zmeniť adresu doručenia pri objednávke č. 69012? Namiesto domov (Nám. SNP 5, Zvolen) ju chcem dostať do práce: Partizánska cesta 3, 974 01 Banská Bystrica.',
      ),
      fromAgent(
        1,
        'Dobrý deň, pani Tóthová, adresu sme zmenili – zásielku doručíme na Partizánsku cestu 3 v Banskej Bystrici.\n\nMarek',
      ),
    ],
  },
  {
    customer: 'michal',
    subject: 'Hlasová správa: zrušenie objednávky č. 72118',
    channel: 'phone',
    team: 'orders',
    assignee: null,
    status: 'new',
    priority: 'normal',
    tags: ['cancellation', 'callback'],
    daysAgo: 0,
    messages: [
      fromCustomer(
        0,
        'Dobrý deň, tu je Michal Varga. Chcel by som zrušiť objednávku číslo 72118, ktorú som zadal včera večer. Omylom som objednal dva kávovary namiesto jedného. Zavolajte mi prosím späť, ďakujem.',
      ),
    ],
  },
  {
    customer: 'michal',
    subject: 'Zaplatené prevodom, objednávka stále čaká na platbu',
    channel: 'phone',
    team: 'billing',
    assignee: 'zuzana',
    status: 'open',
    priority: 'normal',
    tags: ['bank-transfer', 'billing'],
    daysAgo: 3,
    messages: [
      fromCustomer(
        0,
        'Dobrý deň, objednávku 71644 som zaplatil bankovým prevodom už v pondelok a v účte stále vidím „Čaká na platbu“. Peniaze mi z účtu odišli.',
      ),
      note(
        2,
        'Transfer arrived with a wrong variable symbol (71464 instead of 71644). Asked finance to re-match it.',
      ),
      fromAgent(
        2.5,
        'Dobrý deň, pán Varga, platbu sme našli – pri prevode bol uvedený variabilný symbol 71464 namiesto 71644, preto sa nespárovala automaticky. Kolegovia z účtovníctva ju priradia ručne a objednávku odošleme hneď potom. Zuzana',
      ),
      fromCustomer(26, 'Dobrý deň, objednávka stále čaká na platbu. Kedy ju odošlete?'),
    ],
  },
  {
    customer: 'katarina',
    subject: 'Nedá sa mi prihlásiť do účtu',
    channel: 'chat',
    team: 'technical',
    assignee: 'bence',
    status: 'solved',
    priority: 'normal',
    tags: ['login'],
    daysAgo: 1,
    messages: [
      fromCustomer(
        0,
        'Dobrý deň, neviem sa prihlásiť do účtu. Po zadaní hesla sa stránka iba obnoví a nič sa nestane. Skúšala som to v Chrome aj na mobile.',
      ),
      fromAgent(
        0.1,
        'Dobrý deň, pani Šimková, problém spôsobuje poškodené prihlasovacie cookie po včerajšej zmene na našej strane. Vymažte prosím súbory cookie pre našu stránku alebo sa skúste prihlásiť v anonymnom okne. Ak to nepomôže, ozvite sa.',
      ),
      fromCustomer(0.3, 'Po vymazaní cookies to funguje. Ďakujem za rýchlu pomoc!'),
    ],
  },
  {
    customer: 'katarina',
    subject: 'Sťažnosť na kuriéra – balík nechal v daždi',
    channel: 'email',
    team: 'complaints',
    assignee: 'zuzana',
    status: 'open',
    priority: 'high',
    tags: ['complaint', 'courier'],
    daysAgo: 2,
    messages: [
      fromCustomer(
        0,
        'Dobrý deň,\n\nchcem sa sťažovať na kuriéra, ktorý mi dnes doručoval balík. Nezazvonil, balík nechal pred bránou v daždi a v systéme označil, že som ho prevzala osobne. Obsah – kniha a mikina – je premočený. Takto si služby nepredstavujem.',
      ),
      note(
        3,
        'Escalated to the courier depot manager. Customer is upset: apologise, offer replacement or refund, plus a EUR 15 goodwill voucher.',
      ),
      fromAgent(
        3.5,
        'Dobrý deň, pani Šimková,\n\nje nám to naozaj ľúto – takto doručenie vyzerať nemá. Sťažnosť sme postúpili vedúcemu pobočky kuriérskej spoločnosti. Poškodený tovar vám radi vymeníme alebo vrátime peniaze, podľa toho, čo vám viac vyhovuje. Ako ospravedlnenie sme vám do účtu pripísali poukážku na 15 €.\n\nZuzana',
      ),
      fromCustomer(6, 'Ďakujem. Prosím o výmenu knihy aj mikiny, mikinu v rovnakej veľkosti (M).'),
    ],
  },
  {
    customer: 'tomas-k',
    subject: 'Kedy bude robotický vysávač RX-300 opäť skladom?',
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
        'Dobrý deň, kedy budete mať opäť skladom robotický vysávač RX-300? Potreboval by som ho do konca mesiaca. Ďakujem, Tomáš Králik',
      ),
    ],
  },
  {
    customer: 'tomas-k',
    subject: 'Nevrátené peniaze za zrušenú objednávku',
    channel: 'email',
    team: 'billing',
    assignee: 'zuzana',
    status: 'closed',
    priority: 'normal',
    tags: ['refund'],
    daysAgo: 16,
    messages: [
      fromCustomer(
        0,
        'Dobrý deň, objednávku č. 70120 ste mi pred týždňom zrušili, lebo tovar nebol skladom, ale peniaze (64,50 €) mi stále neprišli späť. Kedy ich môžem čakať?',
      ),
      fromAgent(
        3,
        'Dobrý deň, pán Králik,\n\nospravedlňujeme sa za zdržanie. Vrátenie sa zaseklo v platobnej bráne, teraz sme ho zadali znova. Peniaze budete mať na účte do 3 pracovných dní.\n\nZuzana',
      ),
      fromCustomer(50, 'Peniaze mi prišli, ďakujem.'),
    ],
  },
];
