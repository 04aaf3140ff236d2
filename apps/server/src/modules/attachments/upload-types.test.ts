import { describe, expect, it } from 'vitest';
import { cleanFileName, detectUploadType } from './upload-types.ts';

const bytes = (...values: (number | string)[]) =>
  Buffer.concat(
    values.map((value) => (typeof value === 'string' ? Buffer.from(value, 'latin1') : Buffer.from([value]))),
  );

describe('recognising what a visitor uploads', () => {
  it.each([
    ['a PNG', bytes(0x89, 'PNG\r\n', 0x1a, '\n', 'rest'), 'image/png'],
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 'JFIF'), 'image/jpeg'],
    ['a GIF', bytes('GIF89a', 0x01, 0x00), 'image/gif'],
    ['a WebP', bytes('RIFF', 0x10, 0, 0, 0, 'WEBPVP8 '), 'image/webp'],
    ['a PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['UTF-8 text in Lithuanian', Buffer.from('Užsakymas Nr. 5\r\nAčiū\tlabai'), 'text/plain'],
    ['a Windows executable', bytes('MZ', 0x90, 0x00, 0x03), null],
    ['an HTML page pretending nothing', Buffer.from('<script>alert(1)</script>\u0000'), null],
    ['a ZIP archive', bytes('PK', 0x03, 0x04), null],
    ['Latin-2 bytes that are not UTF-8', bytes('U', 0xbe, 'sakymas'), null],
    ['an empty file', Buffer.alloc(0), null],
  ])('%s is %s', (_case, content, expected) => {
    expect(detectUploadType(content)).toBe(expected);
  });
});

describe('file names', () => {
  it.each([
    ['receipt.pdf', 'receipt.pdf'],
    ['s%C4%85skaita.pdf', 'sąskaita.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\ona\\photo.png', 'photo.png'],
    ['bad"name<>.png', 'badname.png'],
    ['%E0%A4%A', '%E0%A4%A'],
    ['', 'file.png'],
    ['..', 'file.png'],
  ])('%j is stored as %j', (raw, expected) => {
    expect(cleanFileName(raw, 'image/png')).toBe(expected);
  });
});
