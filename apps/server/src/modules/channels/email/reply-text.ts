/**
 * The customer's new text in a reply: the mail without the quoted history their client appended
 * (or, bottom-posting, prepended). Signatures the customer sent stay. The full text is kept
 * elsewhere; this is what agents read first and what the conversation shows.
 *
 * Three kinds of history are recognised:
 * - a quote header ("On … wrote:", "… rašė:", "W dniu … napisał(a):", …) followed by `>` lines:
 *   the header and the quoted lines go, text after them (bottom-posting) stays;
 * - a quote header followed by unprefixed text, an "Original Message" separator, or an
 *   Outlook-style header block ("From: … / Sent: … / To: …"): everything from there on goes;
 * - any other `>`-quoted lines go.
 */

/** The verb that ends a quote header, in the languages we serve and those mail clients commonly use. */
const quoteVerb = [
  'wrote',
  'rašė',
  'parašė',
  'napísal\\(a\\)',
  'napísal',
  'napísala',
  'napsal\\(a\\)',
  'napsal',
  'napsala',
  'napisał\\(a\\)',
  'napisał',
  'napisała',
  'pisze',
  'írta',
  'schrieb',
  'написал\\(а\\)',
  'написал',
  'написала',
  'a écrit',
  'escribió',
  'ha scritto',
  'schreef',
  'skrev',
  'kirjoitti',
].join('|');

/** A line that ends a quote header: the verb, then at most a name/date in parentheses, then `:`. */
const quoteHeaderEnd = new RegExp(`(?<!\\p{L})(?:${quoteVerb})(?!\\p{L})[^\\n]{0,120}:\\s*$`, 'iu');

/** How a wrapped quote header's first line usually starts: a lead word or a date. */
const quoteHeaderStart =
  /^\s*(On|Am|W dniu|Dne|Dňa|Le|El|Il|Op|Den|\p{L}{1,3}\.?,? \d{1,2}\.|\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{1,4}|\d{4}\s?m\.|\d{4}\.\s)/iu;

const separator = new RegExp(
  `^\\s*-{2,}\\s*(${[
    'Original Message',
    'Ursprüngliche Nachricht',
    'Originalnachricht',
    'Pradinis laiškas',
    'Originalus laiškas',
    'Pôvodná správa',
    'Původní zpráva',
    'Wiadomość oryginalna',
    'Oryginalna wiadomość',
    'Eredeti üzenet',
    'Eredeti levél',
    "Message d'origine",
    'Исходное сообщение',
  ].join('|')})\\s*-{2,}\\s*$`,
  'iu',
);

const outlookFrom = /^\s*\*?(From|Od|Nuo|Siuntėjas|Feladó|Von|De|Från|Fra|Van|От)\s*:\*?\s*\S/iu;
const outlookField =
  /^\s*\*?(Sent|Date|To|Cc|Subject|Wysłano|Data|Do|Temat|Išsiųsta|Kam|Tema|Data|Odoslané|Komu|Predmet|Odesláno|Předmět|Elküldve|Dátum|Címzett|Tárgy|Gesendet|Datum|An|Betreff|Envoyé|À|Objet|Отправлено|Кому|Тема)\s*:/iu;
const underscoreRule = /^\s*_{10,}\s*$/;

const isBlank = (line: string | undefined) => line === undefined || line.trim() === '';
const isQuoted = (line: string) => /^\s*>/.test(line);

function nextNonBlank(lines: string[], from: number): number {
  let index = from;
  while (index < lines.length && isBlank(lines[index])) index += 1;
  return index;
}

/** Where a quote header ending at line `end` starts: up to two wrapped lines earlier. */
function quoteHeaderStartLine(lines: string[], end: number): number {
  for (let start = Math.max(0, end - 2); start < end; start += 1) {
    const block = lines.slice(start, end + 1);
    if (block.some(isBlank) || block.join(' ').length > 300) continue;
    if (quoteHeaderStart.test(lines[start]!)) return start;
  }
  // A continuation line ("bob@example.com> wrote:") belongs to the line before it.
  if (
    end > 0 &&
    !isBlank(lines[end - 1]) &&
    /^\s*(<|[\p{Ll}\d"'])/u.test(lines[end]!) &&
    /[<,"]\s*$/.test(lines[end - 1]!)
  ) {
    return end - 1;
  }
  return end;
}

function isOutlookHeaderBlock(lines: string[], index: number): boolean {
  if (!outlookFrom.test(lines[index]!)) return false;
  const following = lines.slice(index + 1, index + 6).filter((line) => outlookField.test(line));
  return following.length >= 2;
}

export type ReplyText = {
  /** What the customer wrote this time. */
  text: string;
  /** Whether anything was taken away. */
  hadQuotedHistory: boolean;
};

/**
 * @example
 * extractReplyText('Thanks!\n\nOn Mon, 2 Jun 2025, Support <s@example.com> wrote:\n> Your order…').text // 'Thanks!'
 */
export function extractReplyText(fullText: string): ReplyText {
  const lines = fullText.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  let hadQuotedHistory = false;

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (separator.test(line) || isOutlookHeaderBlock(lines, index)) {
      hadQuotedHistory = true;
      break;
    }
    if (underscoreRule.test(line) && isOutlookHeaderBlock(lines, nextNonBlank(lines, index + 1))) {
      hadQuotedHistory = true;
      break;
    }
    if (!isQuoted(line) && quoteHeaderEnd.test(line)) {
      const start = quoteHeaderStartLine(lines, index);
      const header = lines.slice(start, index + 1).join(' ');
      if (header.length <= 300) {
        hadQuotedHistory = true;
        // The header's first lines were already kept as ordinary text; take them back.
        kept.splice(kept.length - (index - start), index - start);
        const next = nextNonBlank(lines, index + 1);
        if (next < lines.length && !isQuoted(lines[next]!)) break;
        continue;
      }
    }
    if (isQuoted(line)) {
      hadQuotedHistory = true;
      continue;
    }
    kept.push(line);
  }

  const text = kept.join('\n').trim();
  // A mail that is all quote (a bare forward of our own text) keeps everything rather than nothing.
  if (text === '') return { text: fullText.trim(), hadQuotedHistory: false };
  return { text, hadQuotedHistory };
}
