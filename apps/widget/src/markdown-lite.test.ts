import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdownLite } from './markdown-lite.ts';

describe('formatting in agents’ chat messages', () => {
  it('reads bold, italic, code and a link in a line', () => {
    expect(parseInline('**Done**, *really* see `#48213` or [our help](https://shop.example/help).')).toEqual([
      { kind: 'strong', text: 'Done' },
      { kind: 'text', text: ', ' },
      { kind: 'em', text: 'really' },
      { kind: 'text', text: ' see ' },
      { kind: 'code', text: '#48213' },
      { kind: 'text', text: ' or ' },
      { kind: 'link', text: 'our help', href: 'https://shop.example/help' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps bare addresses as links, as plain messages do', () => {
    expect(parseInline('Write to help@example.pl')).toEqual([
      { kind: 'text', text: 'Write to ' },
      { kind: 'link', text: 'help@example.pl', href: 'mailto:help@example.pl' },
    ]);
  });

  it.each([
    ['a javascript: link', '[click](javascript:alert(1))', 'click'],
    ['a data: link', '[click](data:text/html,hi)', 'click'],
    ['markup', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ])('leaves %s as text, never a link or markup', (_case, body, text) => {
    const parts = parseInline(body);
    expect(parts.every((part) => part.kind === 'text')).toBe(true);
    expect(parts.map((part) => part.text).join('')).toContain(text);
  });

  it('does not read arithmetic or snake_case as italic', () => {
    expect(parseInline('2 * 3 * 4 and order_id_5')).toEqual([
      { kind: 'text', text: '2 * 3 * 4 and order_id_5' },
    ]);
  });

  it('splits a reply into paragraphs, bulleted and numbered lists and quotes', () => {
    const blocks = parseMarkdownLite(
      'Hello,\nhere is how:\n\n- print the label\n- drop the parcel\n\n1. first\n2. second\n> you wrote this\nThanks',
    );
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        lines: [[{ kind: 'text', text: 'Hello,' }], [{ kind: 'text', text: 'here is how:' }]],
      },
      {
        kind: 'list',
        isOrdered: false,
        items: [[{ kind: 'text', text: 'print the label' }], [{ kind: 'text', text: 'drop the parcel' }]],
      },
      {
        kind: 'list',
        isOrdered: true,
        items: [[{ kind: 'text', text: 'first' }], [{ kind: 'text', text: 'second' }]],
      },
      { kind: 'quote', lines: [[{ kind: 'text', text: 'you wrote this' }]] },
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'Thanks' }]] },
    ]);
  });

  it('shows a mention token (should one reach a reply) as the name', () => {
    expect(parseInline('ask @[Ona P](agent:123e4567-e89b-12d3-a456-426614174000)')).toEqual([
      { kind: 'text', text: 'ask ' },
      { kind: 'text', text: '@Ona P' },
    ]);
  });
});
