import { type DemoConversation, fromAgent, fromCustomer, note } from './demo-data.ts';

/** Polish conversations; replies in Polish, internal notes in English. */
export const polishConversations: DemoConversation[] = [
  {
    customer: 'anna',
    subject: 'Opóźniona przesyłka – zamówienie nr 83417',
    channel: 'email',
    team: 'orders',
    assignee: 'katarzyna',
    status: 'on_hold',
    priority: 'normal',
    tags: ['delivery', 'delayed'],
    daysAgo: 8,
    messages: [
      fromCustomer(
        0,
        'Dzień dobry,\n\nzamówienie nr 83417 miało być dostarczone w poniedziałek, a dziś jest czwartek i paczki nadal nie ma. W śledzeniu przesyłki od trzech dni widzę tylko „W drodze”. Co się dzieje z moją paczką?\n\nPozdrawiam\nAnna Nowak',
      ),
      fromAgent(
        3,
        'Dzień dobry, Pani Anno,\n\nbardzo przepraszamy za opóźnienie. Sprawdziłam przesyłkę – utknęła w sortowni w Strykowie. Zgłosiłam reklamację u przewoźnika i poprosiłam o priorytetowe doręczenie. Dam Pani znać, jak tylko otrzymam odpowiedź.\n\nKatarzyna',
      ),
      note(3.2, 'Carrier claim IP-558712 opened; they answer within 48 h. On hold until then.'),
      fromCustomer(6, 'Dziękuję. Czy w razie czego mogę zrezygnować i dostać zwrot pieniędzy?'),
      fromAgent(
        7,
        'Oczywiście, Pani Anno. Jeśli paczka nie dotrze do piątku, zwrócimy całą kwotę albo wyślemy zamówienie ponownie – jak Pani woli.\n\nKatarzyna',
      ),
    ],
  },
  {
    customer: 'anna',
    subject: 'Kod rabatowy WIOSNA20 nie działa',
    channel: 'chat',
    team: 'billing',
    assignee: 'katarzyna',
    status: 'solved',
    priority: 'low',
    tags: ['discount-code'],
    daysAgo: 2,
    messages: [
      fromCustomer(
        0,
        'Dzień dobry, próbuję użyć kodu WIOSNA20 z newslettera, ale w koszyku pojawia się komunikat „Kod wygasł”. W mailu jest napisane, że jest ważny do końca miesiąca.',
      ),
      fromAgent(
        0.1,
        'Dzień dobry, Pani Anno! Rzeczywiście – kod został przez pomyłkę wyłączony za wcześnie. Już go aktywowaliśmy ponownie, więc może Pani z niego skorzystać. Przepraszamy za kłopot!',
      ),
      fromCustomer(0.2, 'Działa, dziękuję bardzo!'),
    ],
  },
  {
    customer: 'krzysztof',
    subject: 'Podwójne obciążenie karty za zamówienie nr 84002',
    channel: 'email',
    team: 'billing',
    assignee: 'katarzyna',
    status: 'open',
    priority: 'high',
    tags: ['billing', 'double-charge', 'refund'],
    daysAgo: 1,
    messages: [
      fromCustomer(
        0,
        'Dzień dobry, przy płatności za zamówienie nr 84002 moja karta została obciążona dwa razy kwotą 459,00 zł. Na stronie wyświetlił się błąd, więc kliknąłem „Zapłać” ponownie. Proszę o zwrot jednej z płatności.',
      ),
      note(
        1,
        'Two captured payments confirmed in the payment panel (same card, 38 seconds apart). Refunds above PLN 400 need a supervisor approval — approved by Zuzana.',
      ),
      fromAgent(
        2,
        'Dzień dobry, Panie Krzysztofie,\n\npotwierdzam – płatność została pobrana dwukrotnie. Zleciliśmy zwrot 459,00 zł na Pana kartę. Środki powinny wrócić w ciągu 3–5 dni roboczych, w zależności od banku. Przepraszamy za kłopot.\n\nKatarzyna',
      ),
      fromCustomer(4, 'Dziękuję. Proszę jeszcze o potwierdzenie zwrotu mailem, potrzebuję go dla banku.'),
    ],
  },
  {
    customer: 'krzysztof',
    subject: 'Nie mogę się zalogować – „Konto zablokowane”',
    channel: 'web_form',
    team: 'technical',
    assignee: 'piotr',
    status: 'pending',
    priority: 'normal',
    tags: ['login', 'security'],
    daysAgo: 3,
    messages: [
      fromCustomer(
        0,
        'Dzień dobry, od wczoraj nie mogę zalogować się na swoje konto. Po wpisaniu hasła pojawia się komunikat „Konto zablokowane”. Nie zmieniałem hasła ani adresu e-mail.',
      ),
      note(
        2,
        'Account locked by fraud detection after a login attempt from an unusual country. Looks like credential stuffing: forced a password reset.',
      ),
      fromAgent(
        2.5,
        'Dzień dobry, Panie Krzysztofie,\n\nze względów bezpieczeństwa zablokowaliśmy konto, bo zauważyliśmy próbę logowania z nietypowej lokalizacji. Wysłałem na Pana adres e-mail link do ustawienia nowego hasła. Proszę o informację, czy udało się zalogować. Jeśli używał Pan tego samego hasła w innych serwisach, zalecam również jego zmianę.\n\nPiotr',
      ),
    ],
  },
  {
    customer: 'malgorzata',
    subject: 'Zwrot sukienki z zamówienia nr 80911',
    channel: 'email',
    team: 'orders',
    assignee: 'katarzyna',
    status: 'closed',
    priority: 'normal',
    tags: ['return'],
    daysAgo: 22,
    messages: [
      fromCustomer(
        0,
        'Dzień dobry, chciałabym zwrócić sukienkę z zamówienia nr 80911 – kolor na zdjęciu wyglądał zupełnie inaczej. Jak mam to zrobić?',
      ),
      fromAgent(
        3,
        'Dzień dobry, Pani Małgorzato,\n\nzwrot jest bezpłatny w ciągu 30 dni. Wystarczy nadać paczkę w dowolnym Paczkomacie z kodem zwrotu 7713 4420. Pieniądze zwrócimy w ciągu 5 dni roboczych od otrzymania przesyłki.\n\nKatarzyna',
      ),
      fromCustomer(24, 'Paczka nadana, dziękuję.'),
      fromAgent(
        72,
        'Dzień dobry, Pani Małgorzato, otrzymaliśmy sukienkę i zwróciliśmy 189,99 zł na Pani konto. Pozdrawiamy!\n\nKatarzyna',
      ),
    ],
  },
  {
    customer: 'malgorzata',
    subject: 'Reklamacja – ekspres do kawy znowu przecieka',
    channel: 'email',
    team: 'complaints',
    assignee: null,
    status: 'new',
    priority: 'high',
    tags: ['complaint', 'damaged', 'refund'],
    daysAgo: 0,
    messages: [
      fromCustomer(
        0,
        'Dzień dobry,\n\nekspres do kawy kupiony u Państwa trzy tygodnie temu przecieka – po każdym parzeniu pod urządzeniem jest kałuża wody. To już drugi egzemplarz z tym samym problemem (pierwszy wymieniliście w zeszłym miesiącu). Nie chcę kolejnej wymiany, proszę o zwrot pieniędzy.\n\nMałgorzata Kamińska',
      ),
    ],
  },
  {
    customer: 'pawel',
    subject: 'Korekta faktury FV/03318 – błędny NIP',
    channel: 'email',
    team: 'billing',
    assignee: 'katarzyna',
    status: 'solved',
    priority: 'normal',
    tags: ['invoice', 'vat', 'b2b'],
    daysAgo: 3,
    messages: [
      fromCustomer(
        0,
        'Dzień dobry,\n\nna fakturze nr FV/03318 podano błędny NIP nabywcy. Prawidłowe dane: Lewandowski Serwis sp. z o.o., ul. Długa 17, 31-147 Kraków, NIP 6762498331. Proszę o wystawienie faktury korygującej.\n\nPaweł Lewandowski',
      ),
      fromAgent(
        4,
        'Dzień dobry, Panie Pawle,\n\nwystawiliśmy fakturę korygującą nr FK/00412 do faktury FV/03318 z poprawnym NIP-em. Dokument wysłaliśmy mailem, jest też dostępny w panelu klienta w zakładce „Faktury”.\n\nKatarzyna',
      ),
      fromCustomer(6, 'Otrzymałem, wszystko się zgadza. Dziękuję.'),
    ],
  },
  {
    customer: 'pawel',
    subject: 'Awaria – API zamówień zwraca błąd 503',
    channel: 'email',
    team: 'technical',
    assignee: 'piotr',
    status: 'on_hold',
    priority: 'urgent',
    tags: ['outage', 'api', 'b2b'],
    daysAgo: 1,
    messages: [
      fromCustomer(
        0,
        'Dzień dobry,\n\nod godziny 9:00 nasz system nie może połączyć się z Państwa API zamówień – wszystkie zapytania kończą się błędem 503. Przez to nie możemy przyjmować zamówień od naszych klientów. Proszę o pilną informację, kiedy usługa zostanie przywrócona.',
      ),
      note(
        0.2,
        'Confirmed: the order API behind the EU load balancer has been down since 08:52. Engineering incident INC-2207 is open, no ETA yet. Update the customer every 2 hours.',
      ),
      fromAgent(
        0.4,
        'Dzień dobry, Panie Pawle,\n\npotwierdzamy awarię API zamówień, nasz zespół techniczny pracuje nad jej usunięciem. Będę Pana informował o postępach co dwie godziny. Zamówienia, które nie zostały przyjęte, można tymczasowo przesłać mailem – wprowadzimy je ręcznie.\n\nPiotr',
      ),
      fromCustomer(1, 'Dziękuję za szybką odpowiedź. Wysłaliśmy 12 zamówień mailem.'),
      fromAgent(
        2.4,
        'Panie Pawle, otrzymaliśmy wszystkie 12 zamówień i wprowadziliśmy je do systemu. API nadal jest niedostępne – kolejna informacja o 15:00.\n\nPiotr',
      ),
    ],
  },
  {
    customer: 'agnieszka',
    subject: 'Brak faktury do zamówienia nr 83770',
    channel: 'email',
    team: 'billing',
    assignee: 'katarzyna',
    status: 'pending',
    priority: 'low',
    tags: ['invoice'],
    daysAgo: 4,
    messages: [
      fromCustomer(
        0,
        'Dzień dobry, do zamówienia nr 83770 nie dostałam faktury, a potrzebuję jej do rozliczenia w pracy. Czy mogą Państwo ją przesłać?',
      ),
      fromAgent(
        5,
        'Dzień dobry, Pani Agnieszko,\n\nzamówienie zostało złożone jako osoba prywatna, dlatego wystawiliśmy paragon. Jeśli potrzebuje Pani faktury na firmę, proszę podać nazwę firmy, adres i NIP – wystawimy ją w ciągu jednego dnia roboczego.\n\nKatarzyna',
      ),
    ],
  },
  {
    customer: 'agnieszka',
    subject: 'Zmiana adresu dostawy na Paczkomat',
    channel: 'web_form',
    team: 'orders',
    assignee: 'katarzyna',
    status: 'closed',
    priority: 'low',
    tags: ['address-change'],
    daysAgo: 26,
    messages: [
      fromCustomer(
        0,
        'Dzień dobry, czy mogę zmienić adres dostawy zamówienia nr 79530? Zamiast do domu proszę o wysyłkę do Paczkomatu WAW221M przy ul. Grochowskiej.',
      ),
      fromAgent(
        1,
        'Dzień dobry, Pani Agnieszko, zmieniliśmy sposób dostawy – przesyłka trafi do Paczkomatu WAW221M. Kod odbioru otrzyma Pani SMS-em.\n\nKatarzyna',
      ),
    ],
  },
  {
    customer: 'lukasz',
    subject: 'Nagranie: status naprawy gwarancyjnej laptopa',
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
        'Dzień dobry, z tej strony Łukasz Zając. Dwa tygodnie temu wysłałem laptopa do naprawy gwarancyjnej i do dziś nie mam żadnej informacji. Numer zgłoszenia to RMA 5521. Proszę o telefon zwrotny, najlepiej po szesnastej.',
      ),
    ],
  },
  {
    customer: 'lukasz',
    subject: 'Brak zasilacza w paczce z monitorem',
    channel: 'phone',
    team: 'orders',
    assignee: 'katarzyna',
    status: 'solved',
    priority: 'normal',
    tags: ['missing-item'],
    daysAgo: 2,
    messages: [
      fromCustomer(
        0,
        'Dzień dobry, w paczce z zamówieniem 84110 brakowało zasilacza do monitora. W pudełku jest tylko kabel HDMI i instrukcja.',
      ),
      fromAgent(
        1,
        'Dzień dobry, Panie Łukaszu, przepraszamy za to niedopatrzenie. Zasilacz wysłaliśmy dziś kurierem, powinien dotrzeć jutro. Katarzyna',
      ),
      fromCustomer(26, 'Zasilacz dotarł, monitor działa. Dziękuję.'),
    ],
  },
  {
    customer: 'joanna',
    subject: 'Aplikacja zawiesza się przy otwieraniu koszyka',
    channel: 'email',
    team: 'technical',
    assignee: 'piotr',
    status: 'open',
    priority: 'normal',
    tags: ['app', 'bug'],
    daysAgo: 2,
    messages: [
      fromCustomer(
        0,
        'Dzień dobry, po ostatniej aktualizacji aplikacja na iPhonie zawiesza się przy próbie otwarcia koszyka. Mam iOS 17.4. Ponowna instalacja nie pomogła.',
      ),
      note(
        3,
        'Reproduced on iOS 17.4 with a cart containing a bundle product. Bug filed as APP-1893; the fix is planned for the next release.',
      ),
      fromAgent(
        3.5,
        'Dzień dobry, Pani Joanno,\n\ndziękujemy za zgłoszenie. Udało nam się odtworzyć błąd – dotyczy koszyków z zestawami produktów. Poprawka znajdzie się w najbliższej aktualizacji aplikacji. Do tego czasu może Pani złożyć zamówienie przez stronę internetową.\n\nPiotr',
      ),
      fromCustomer(
        5,
        'A kiedy mniej więcej będzie ta aktualizacja? Mam w koszyku produkty z promocji, która kończy się w niedzielę.',
      ),
    ],
  },
  {
    customer: 'joanna',
    subject: 'Rezygnacja z subskrypcji Premium',
    channel: 'email',
    team: 'billing',
    assignee: null,
    status: 'new',
    priority: 'low',
    tags: ['subscription'],
    daysAgo: 0,
    messages: [
      fromCustomer(
        0,
        'Dzień dobry, proszę o anulowanie mojej subskrypcji Premium z końcem bieżącego okresu rozliczeniowego. Nie korzystam już z darmowej dostawy.\n\nPozdrawiam\nJoanna Szymańska',
      ),
    ],
  },
  {
    customer: 'grzegorz',
    subject: 'Skarga – trzecie opóźnione zamówienie z rzędu',
    channel: 'email',
    team: 'complaints',
    assignee: 'katarzyna',
    status: 'closed',
    priority: 'high',
    tags: ['complaint', 'delayed'],
    daysAgo: 19,
    messages: [
      fromCustomer(
        0,
        'Dzień dobry,\n\nto już trzecie zamówienie z rzędu, które przychodzi z kilkudniowym opóźnieniem. Za każdym razem płacę za dostawę ekspresową, a paczka przychodzi po tygodniu. Jestem bardzo niezadowolony i zastanawiam się, czy dalej robić u Państwa zakupy.',
      ),
      note(
        2,
        'History checked: three express orders, all delayed at the Poznań hub. Refunding the express fees (3 × PLN 24.99) and logging the complaint for the monthly delivery review.',
      ),
      fromAgent(
        2.5,
        'Dzień dobry, Panie Grzegorzu,\n\nma Pan całkowitą rację i bardzo przepraszamy. Sprawdziłam wszystkie trzy zamówienia – za każdym razem przesyłka utknęła w sortowni w Poznaniu. Zwracamy Panu opłaty za dostawę ekspresową (3 × 24,99 zł), a sprawę zgłosiliśmy przewoźnikowi. Następne zamówienie wyślemy innym kurierem.\n\nKatarzyna',
      ),
      fromCustomer(5, 'Dziękuję, doceniam szybką reakcję.'),
    ],
  },
  {
    customer: 'grzegorz',
    subject: 'Zwrot pieniędzy po anulowaniu zamówienia nr 83105',
    channel: 'email',
    team: 'billing',
    assignee: 'katarzyna',
    status: 'open',
    priority: 'normal',
    tags: ['refund'],
    daysAgo: 6,
    messages: [
      fromCustomer(
        0,
        'Dzień dobry, tydzień temu anulowałem zamówienie nr 83105, a pieniądze (1 249,00 zł) nadal do mnie nie wróciły. Kiedy mogę się ich spodziewać?',
      ),
      fromAgent(
        4,
        'Dzień dobry, Panie Grzegorzu,\n\nzwrot został zlecony w dniu anulowania. Przy płatnościach BLIK bank potrzebuje zwykle do 7 dni roboczych. Jeśli do piątku środki nie wrócą, proszę dać znać – sprawdzimy to z operatorem płatności.\n\nKatarzyna',
      ),
      fromCustomer(72, 'Jest już piątek i nadal nic. Proszę o sprawdzenie.'),
    ],
  },
];
