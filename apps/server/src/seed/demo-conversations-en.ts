import { type DemoConversation, fromAgent, fromCustomer, note } from './demo-data.ts';

/** English conversations from the UK, Ireland, the United States and Australia. */
export const englishConversations: DemoConversation[] = [
  {
    customer: 'james',
    subject: "Parcel still hasn't arrived (order #40218)",
    channel: 'email',
    team: 'orders',
    assignee: 'sarah',
    status: 'open',
    priority: 'normal',
    tags: ['delivery', 'delayed'],
    daysAgo: 3,
    messages: [
      fromCustomer(
        0,
        'Hi,\n\nMy order #40218 was due on Tuesday and it still hasn\'t turned up. The tracking page has said "Out for delivery" for two days now. Could you find out what\'s going on?\n\nThanks,\nJames',
      ),
      fromAgent(
        4,
        "Hi James,\n\nSorry about the wait. I've checked with the carrier: the parcel was held at the Leeds delivery office because the house number was missing from the label. They've corrected it and it's back out for delivery tomorrow. I'll keep an eye on it.\n\nBest wishes,\nSarah",
      ),
      fromCustomer(30, 'Still nothing today, and nobody came. This is getting ridiculous.'),
    ],
  },
  {
    customer: 'james',
    subject: 'Wrong size sent – running jacket',
    channel: 'web_form',
    team: 'orders',
    assignee: 'sarah',
    status: 'closed',
    priority: 'low',
    tags: ['wrong-item', 'exchange'],
    daysAgo: 27,
    messages: [
      fromCustomer(0, 'Hello, I ordered the running jacket in L and received an M. Can you swap it?'),
      fromAgent(
        2,
        "Hi James,\n\nApologies for the mix-up. A size L is on its way to you today; the courier will collect the M when they drop it off, so there's no need to repack anything.\n\nSarah",
      ),
      fromCustomer(30, 'Got it, fits perfectly. Cheers.'),
    ],
  },
  {
    customer: 'emma',
    subject: 'Charged twice for one order',
    channel: 'email',
    team: 'billing',
    assignee: 'ruta',
    status: 'solved',
    priority: 'high',
    tags: ['billing', 'double-charge', 'refund'],
    daysAgo: 3,
    messages: [
      fromCustomer(
        0,
        "Hi there,\n\nI've been charged twice for order #40577 (£64.99 each time). I only placed one order. Please refund the duplicate payment.\n\nEmma Clarke",
      ),
      note(
        1,
        'Duplicate capture confirmed: the card was retried after a 3-D Secure timeout. Refunded £64.99 (RF-90412).',
      ),
      fromAgent(
        1.5,
        "Hi Emma,\n\nYou're right, and I'm sorry: the payment was taken twice after your bank's security check timed out. I've refunded £64.99 to your card today; depending on your bank it can take 3–5 working days to appear.\n\nKind regards,\nRūta",
      ),
      fromCustomer(3, 'Thanks for sorting it so quickly.'),
    ],
  },
  {
    customer: 'emma',
    subject: "Can't log in after changing my email address",
    channel: 'web_form',
    team: 'technical',
    assignee: 'piotr',
    status: 'pending',
    priority: 'normal',
    tags: ['login', 'account'],
    daysAgo: 1,
    messages: [
      fromCustomer(
        0,
        "Hi, I changed the email address on my account last week and now I can't log in with either the old or the new one. The password reset email doesn't arrive at either address.",
      ),
      note(
        2,
        'The email change was never confirmed, so the account still uses the old address, which now bounces (mailbox closed). Identity check needed before moving it by hand.',
      ),
      fromAgent(
        2.5,
        'Hi Emma,\n\nThanks for getting in touch. Your account is still registered under your old address because the change was never confirmed, and that mailbox is now rejecting our emails. To move your account to the new address, could you reply with the postcode of your last order and the last four digits of the card you paid with?\n\nPiotr',
      ),
    ],
  },
  {
    customer: 'siobhan',
    subject: 'Returning a kettle',
    channel: 'email',
    team: 'orders',
    assignee: 'sarah',
    status: 'solved',
    priority: 'normal',
    tags: ['return'],
    daysAgo: 2,
    messages: [
      fromCustomer(
        0,
        "Hi, I'd like to return the kettle from order #40390. It works fine but it's much louder than I expected. Is that possible?",
      ),
      fromAgent(
        2,
        "Hi Siobhán,\n\nOf course – you can return anything within 30 days. I've emailed you a prepaid returns label. Once the kettle is back with us, we'll refund €49.00 within 5 working days.\n\nSarah",
      ),
      fromCustomer(18, 'Dropped it at the post office this morning.'),
      fromAgent(
        40,
        "Thanks, Siobhán – it's arrived, and the refund of €49.00 has been issued. Have a lovely week!\n\nSarah",
      ),
    ],
  },
  {
    customer: 'siobhan',
    subject: 'Invoice with my company VAT number, please',
    channel: 'email',
    team: 'billing',
    assignee: null,
    status: 'new',
    priority: 'low',
    tags: ['invoice', 'vat'],
    daysAgo: 0,
    messages: [
      fromCustomer(
        0,
        'Hello, could you reissue the invoice for order #40415 with my company details? Murphy Design Studio, 14 Dame Street, Dublin 2, VAT IE3456789QH. My accountant needs the VAT number on it.\n\nThanks!\nSiobhán',
      ),
    ],
  },
  {
    customer: 'michael',
    subject: 'Website down? Getting a 502 error',
    channel: 'chat',
    team: 'technical',
    assignee: 'piotr',
    status: 'closed',
    priority: 'urgent',
    tags: ['outage'],
    daysAgo: 14,
    messages: [
      fromCustomer(
        0,
        "Your website has been throwing a 502 error for the last 20 minutes. I'm trying to pay for an order before the sale ends at noon. Is there a problem?",
      ),
      note(
        0.1,
        'Part of the 502 incident (INC-2144). The sale is extended by 24 h for everyone affected — mention it.',
      ),
      fromAgent(
        0.2,
        "Hi Michael, yes, we had an outage this morning and I'm sorry for the trouble. The site is back up, and because of the disruption we've extended the sale until noon tomorrow, so you haven't missed out.",
      ),
      fromCustomer(0.4, 'Great, just ordered. Thanks for the heads-up on the extension.'),
    ],
  },
  {
    customer: 'michael',
    subject: 'Complaint about a rude delivery driver',
    channel: 'email',
    team: 'complaints',
    assignee: 'sarah',
    status: 'on_hold',
    priority: 'high',
    tags: ['complaint', 'courier'],
    daysAgo: 5,
    messages: [
      fromCustomer(
        0,
        "I want to complain about the driver who delivered my order yesterday. He threw the box over my gate, and when I asked him to be careful he swore at me. Luckily the TV inside is fine, but that's not the point. I expect better.\n\nMichael O'Brien",
      ),
      fromAgent(
        3,
        "Hi Michael,\n\nI'm really sorry – that's completely unacceptable, and thank you for telling us. I've raised a formal complaint with the courier and asked them to investigate. I'll update you as soon as I hear back, and as an apology we've added a €20 voucher to your account.\n\nSarah",
      ),
      note(
        3.2,
        'Formal complaint logged with the courier (case CR-66120). They respond within 5 working days. On hold.',
      ),
    ],
  },
  {
    customer: 'olivia',
    subject: 'Order shipped to my old address',
    channel: 'email',
    team: 'orders',
    assignee: 'sarah',
    status: 'pending',
    priority: 'high',
    tags: ['delivery', 'address-change'],
    daysAgo: 2,
    messages: [
      fromCustomer(
        0,
        'Hi, I updated my shipping address before checkout, but order #40611 was shipped to my old apartment in Chicago. I moved to Austin last month. Can you redirect it?',
      ),
      fromAgent(
        5,
        "Hi Olivia,\n\nI'm sorry about that. The carrier can redirect the package, but they need the new address confirmed in writing. Could you send me the full address in Austin, including the apartment number and ZIP code?\n\nSarah",
      ),
    ],
  },
  {
    customer: 'olivia',
    subject: "Refund for returned blender hasn't arrived",
    channel: 'email',
    team: 'billing',
    assignee: 'ruta',
    status: 'on_hold',
    priority: 'normal',
    tags: ['refund', 'return'],
    daysAgo: 10,
    messages: [
      fromCustomer(
        0,
        "Hi, I returned a blender two weeks ago (order #40102). Tracking shows it was delivered to you last Monday, but I still haven't received my refund of $89.00.",
      ),
      fromAgent(
        6,
        "Hi Olivia,\n\nThanks for your patience. Your return is waiting for inspection at our warehouse, which is taking longer than usual this week. I've asked them to prioritise it and will let you know as soon as the refund is issued.\n\nRūta",
      ),
      note(
        6.2,
        'Warehouse backlog on returns (about 6 days). Requested a priority inspection; follow up on Thursday.',
      ),
    ],
  },
  {
    customer: 'daniel',
    subject: 'App crashes on launch after update',
    channel: 'web_form',
    team: 'technical',
    assignee: null,
    status: 'new',
    priority: 'normal',
    tags: ['app', 'bug'],
    daysAgo: 0,
    messages: [
      fromCustomer(
        0,
        "Hi team, since this morning's update the iPhone app crashes as soon as I open it. I've tried restarting the phone and reinstalling. iPhone 13, iOS 17.5.\n\nCheers,\nDan",
      ),
    ],
  },
  {
    customer: 'daniel',
    subject: 'Welcome discount code rejected',
    channel: 'chat',
    team: 'billing',
    assignee: 'eszter',
    status: 'solved',
    priority: 'low',
    tags: ['discount-code'],
    daysAgo: 1,
    messages: [
      fromCustomer(
        0,
        "G'day, the code WELCOME15 from your email says it isn't valid for my account. I only signed up last week.",
      ),
      fromAgent(
        0.1,
        "Hi Daniel, the welcome code only works on a first order, and one was placed from your account a few days ago. If that wasn't you, let us know straight away. Otherwise, here's a one-off 10% code for your next order: DANIEL10.",
      ),
      fromCustomer(0.2, 'Ah, my partner used my account. Thanks for the code!'),
    ],
  },
  {
    customer: 'priya',
    subject: 'Invoice INV-40488 – wrong company name and missing VAT number',
    channel: 'email',
    team: 'billing',
    assignee: 'ruta',
    status: 'open',
    priority: 'normal',
    tags: ['invoice', 'vat', 'b2b'],
    daysAgo: 2,
    messages: [
      fromCustomer(
        0,
        'Good afternoon,\n\nInvoice INV-40488 is addressed to "Shah and Company" rather than our registered name, Shah & Co Accountants Ltd, and our VAT number (GB 123 4567 89) is missing. Could you issue a corrected invoice, please?\n\nKind regards,\nPriya Shah',
      ),
      fromAgent(
        3,
        'Good afternoon Priya,\n\nApologies for the error. I\'ve issued a credit note against INV-40488 and a new invoice, INV-40503, with your registered name and VAT number. Both are in your account under "Invoices".\n\nRūta',
      ),
      fromCustomer(
        20,
        'Thank you. The new invoice still shows our old address on Baker Street – we moved to 21 Canal Road, Leeds LS1 4AB in January.',
      ),
    ],
  },
  {
    customer: 'priya',
    subject: 'Volume discount for 25 ErgoPro chairs?',
    channel: 'email',
    team: 'orders',
    assignee: null,
    status: 'new',
    priority: 'normal',
    tags: ['b2b', 'pre-sales'],
    daysAgo: 1,
    messages: [
      fromCustomer(
        0,
        "Hello,\n\nWe're refurbishing our office and would like to order 25 ErgoPro chairs. Do you offer a volume discount, and could you deliver them all on one day in the first week of next month?\n\nKind regards,\nPriya Shah\nShah & Co Accountants Ltd",
      ),
    ],
  },
  {
    customer: 'tom',
    subject: 'Voicemail: washing machine shows error E21',
    channel: 'phone',
    team: 'technical',
    assignee: 'piotr',
    status: 'pending',
    priority: 'normal',
    tags: ['warranty', 'callback'],
    daysAgo: 4,
    messages: [
      fromCustomer(
        0,
        "Hi, it's Tom Fletcher. The washing machine I bought from you in the spring has stopped draining and it's showing error E21. It should still be under warranty. Could someone give me a call back? Thanks.",
      ),
      fromAgent(
        5,
        "Hi Tom, thanks for your message. Error E21 usually means a blocked drain filter. Before we send an engineer, could you try cleaning the filter behind the small flap at the bottom front of the machine? If the error comes back, reply here and we'll book a warranty visit. Piotr",
      ),
    ],
  },
  {
    customer: 'tom',
    subject: 'Thank you for the help with my delivery slot',
    channel: 'phone',
    team: 'orders',
    assignee: 'sarah',
    status: 'closed',
    priority: 'low',
    tags: ['compliment'],
    daysAgo: 20,
    messages: [
      fromCustomer(
        0,
        'Just wanted to say thanks to the lady who helped me on the phone yesterday with my delivery slot. Really helpful and patient. Tom',
      ),
      fromAgent(
        3,
        "Hi Tom, thank you so much for taking the time to tell us – I'll pass it on to the team. Sarah",
      ),
    ],
  },
];
