import { describe, expect, it } from 'vitest';
import { segmentText } from './links.ts';

describe('links in messages', () => {
  it.each([
    ['plain text', 'Labas, kaip sekasi?', [{ kind: 'text', text: 'Labas, kaip sekasi?' }]],
    [
      'a URL at the end of a sentence',
      'See https://shop.example/orders/5.',
      [
        { kind: 'text', text: 'See ' },
        { kind: 'link', text: 'https://shop.example/orders/5', href: 'https://shop.example/orders/5' },
        { kind: 'text', text: '.' },
      ],
    ],
    [
      'a www address',
      'www.example.sk',
      [{ kind: 'link', text: 'www.example.sk', href: 'https://www.example.sk/' }],
    ],
    [
      'an email address',
      'Write to help@example.pl!',
      [
        { kind: 'text', text: 'Write to ' },
        { kind: 'link', text: 'help@example.pl', href: 'mailto:help@example.pl' },
        { kind: 'text', text: '!' },
      ],
    ],
    [
      'a URL with parentheses',
      'https://en.wikipedia.org/wiki/Vilnius_(city)',
      [
        {
          kind: 'link',
          text: 'https://en.wikipedia.org/wiki/Vilnius_(city)',
          href: 'https://en.wikipedia.org/wiki/Vilnius_(city)',
        },
      ],
    ],
    [
      'a javascript: URL (stays text)',
      'javascript:alert(1)',
      [{ kind: 'text', text: 'javascript:alert(1)' }],
    ],
    [
      'markup (stays text)',
      '<img src=x onerror=alert(1)>',
      [{ kind: 'text', text: '<img src=x onerror=alert(1)>' }],
    ],
  ])('%s', (_case, text, expected) => {
    expect(segmentText(text)).toEqual(expected);
  });
});
