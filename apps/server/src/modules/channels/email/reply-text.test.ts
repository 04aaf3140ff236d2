import { describe, expect, it } from 'vitest';
import { parseInboundEmail } from './parse-email.ts';
import { extractReplyText } from './reply-text.ts';
import { readReplyCorpus } from './testing/corpus.ts';

describe('extractReplyText on real replies of common mail clients', () => {
  it.each(readReplyCorpus().map((reply) => [reply.name, reply] as const))(
    '%s: only the new text is kept',
    async (_name, reply) => {
      const email = await parseInboundEmail(reply.raw);
      expect(extractReplyText(email.text).text).toBe(reply.expectedText);
    },
  );
});

const quoted = '\n> Kur mano siuntinys?\n> Ačiū\n';

describe('extractReplyText removes quote headers in every language we serve', () => {
  it.each([
    ['English (Gmail)', 'On Mon, Jun 2, 2025 at 10:15 AM Shop Support <support@shop.example> wrote:'],
    ['English (Apple Mail)', 'On 2 Jun 2025, at 10:15, Shop Support <support@shop.example> wrote:'],
    [
      'English, wrapped over two lines',
      'On Mon, Jun 2, 2025 at 10:15 AM Shop Support <\nsupport@shop.example> wrote:',
    ],
    ['Lithuanian (Gmail)', '2025-06-02, pr, 10:15, Shop Support <support@shop.example> rašė:'],
    ['Lithuanian (Outlook)', '2025 m. birželio 2 d., 10:15, Shop Support <support@shop.example> rašė:'],
    ['Slovak (Gmail)', 'po 2. 6. 2025 o 10:15 Shop Support <support@shop.example> napísal(a):'],
    ['Slovak (Thunderbird)', 'Dňa 2. 6. 2025 o 10:15 Shop Support napísal(a):'],
    ['Polish (Gmail)', 'W dniu pon., 2 cze 2025 o 10:15 Shop Support <support@shop.example> napisał(a):'],
    ['Polish (Thunderbird)', 'W dniu 2.06.2025 o 10:15, Shop Support pisze:'],
    ['Hungarian (Gmail)', 'Shop Support <support@shop.example> ezt írta (időpont: 2025. jún. 2., H, 10:15):'],
    ['Hungarian (Thunderbird)', '2025. 06. 02. 10:15 keltezéssel, Shop Support írta:'],
    ['German (Gmail)', 'Am Mo., 2. Juni 2025 um 10:15 Uhr schrieb Shop Support <support@shop.example>:'],
    ['German (Thunderbird)', 'Am 02.06.25 um 10:15 schrieb Shop Support:'],
    ['Czech (Thunderbird)', 'Dne 02. 06. 25 v 10:15 Shop Support napsal(a):'],
    ['Czech (Gmail)', 'po 2. 6. 2025 v 10:15 odesílatel Shop Support <support@shop.example> napsal:'],
  ])('%s', (_client, header) => {
    const reply = extractReplyText(`Labas, siuntinys atėjo.\n\nOna\n\n${header}\n${quoted}`);
    expect(reply).toEqual({ text: 'Labas, siuntinys atėjo.\n\nOna', hadQuotedHistory: true });
  });

  it.each([
    [
      'Outlook English',
      'From: Shop Support <support@shop.example>\nSent: Monday, June 2, 2025 10:15 AM\nTo: Ona <ona@example.lt>\nSubject: RE: [#1042] Siuntinys',
    ],
    [
      'Outlook Lithuanian',
      'Nuo: Shop Support <support@shop.example>\nIšsiųsta: 2025 m. birželio 2 d. 10:15\nKam: Ona <ona@example.lt>\nTema: RE: [#1042] Siuntinys',
    ],
    [
      'Outlook Slovak',
      'Od: Shop Support <support@shop.example>\nOdoslané: pondelok 2. júna 2025 10:15\nKomu: Ona\nPredmet: RE: [#1042] Siuntinys',
    ],
    [
      'Outlook Polish',
      'Od: Shop Support <support@shop.example>\nWysłano: poniedziałek, 2 czerwca 2025 10:15\nDo: Ona\nTemat: RE: [#1042] Siuntinys',
    ],
    [
      'Outlook Hungarian',
      'Feladó: Shop Support <support@shop.example>\nElküldve: 2025. június 2. 10:15\nCímzett: Ona\nTárgy: RE: [#1042] Siuntinys',
    ],
    [
      'Outlook German',
      'Von: Shop Support <support@shop.example>\nGesendet: Montag, 2. Juni 2025 10:15\nAn: Ona\nBetreff: AW: [#1042] Siuntinys',
    ],
    [
      'Outlook with a rule above',
      '________________________________\nFrom: Shop Support <support@shop.example>\nSent: Monday, June 2, 2025 10:15 AM\nTo: Ona',
    ],
    ['an Original Message separator', '-----Original Message-----\nFrom: Shop Support\nKur mano siuntinys?'],
    ['a Lithuanian separator', '----- Pradinis laiškas -----\nKur mano siuntinys?'],
    ['a German separator', '-------- Ursprüngliche Nachricht --------\nKur mano siuntinys?'],
  ])('%s: everything from the header block on is history', (_client, block) => {
    const reply = extractReplyText(`Labas, siuntinys atėjo.\n\nOna\n\n${block}\n\nKur mano siuntinys?\nAčiū`);
    expect(reply).toEqual({ text: 'Labas, siuntinys atėjo.\n\nOna', hadQuotedHistory: true });
  });
});

describe('extractReplyText', () => {
  it('keeps a bottom-posted answer below the quote', () => {
    const text = 'On 02.06.2025 10:15, Shop Support wrote:\n> Can you send a photo?\n\nYes, attached.\n';
    expect(extractReplyText(text).text).toBe('Yes, attached.');
  });

  it('keeps the answers of an interleaved reply without the quoted questions', () => {
    const text = '> What is your order number?\n7781\n> And your postcode?\nLT-01100\n';
    expect(extractReplyText(text).text).toBe('7781\nLT-01100');
  });

  it('keeps the signature the customer sent', () => {
    const text =
      'Thanks!\n\n-- \nOna Žukauskienė\n+370 600 00000\n\nOn Mon, Jun 2, 2025 Support wrote:\n> Hi';
    expect(extractReplyText(text).text).toBe('Thanks!\n\n-- \nOna Žukauskienė\n+370 600 00000');
  });

  it('leaves a mail without history unchanged', () => {
    expect(extractReplyText('Laba diena,\nkur mano siuntinys?\n')).toEqual({
      text: 'Laba diena,\nkur mano siuntinys?',
      hadQuotedHistory: false,
    });
  });

  it('does not take "wrote:" in the middle of the customer’s own sentence for a header', () => {
    const text = 'My neighbour wrote: the parcel was left outside.\nPlease check.';
    expect(extractReplyText(text).text).toBe(text);
  });

  it('keeps everything when everything looks quoted, rather than storing nothing', () => {
    expect(extractReplyText('> only a quote\n> nothing new\n').text).toBe('> only a quote\n> nothing new');
  });
});
