import { describe, expect, it } from 'vitest';
import { isSafeLinkTarget, renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('renders the toolbar’s formatting: bold, italic, lists, quote, inline code, link', () => {
    expect(renderMarkdown('**b** *i* `c`')).toBe('<p><strong>b</strong> <em>i</em> <code>c</code></p>\n');
    expect(renderMarkdown('- a\n- b')).toBe('<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n');
    expect(renderMarkdown('1. a\n2. b')).toBe('<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n');
    expect(renderMarkdown('> q')).toBe('<blockquote>\n<p>q</p>\n</blockquote>\n');
    expect(renderMarkdown('[shop](https://shop.example)')).toBe(
      '<p><a href="https://shop.example" rel="noopener noreferrer" target="_blank">shop</a></p>\n',
    );
  });

  it('shows raw HTML as text instead of interpreting it', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).not.toContain('<script');
    expect(renderMarkdown('hi <img src=x onerror=alert(1)>')).toBe(
      '<p>hi &#60;img src=x onerror=alert(1)&#62;</p>\n',
    );
  });

  it('keeps only web and mail links; other schemes leave their text', () => {
    expect(renderMarkdown('[x](javascript:alert(1))')).toBe('<p>x</p>\n');
    expect(renderMarkdown('[x](vbscript:msgbox)')).toBe('<p>x</p>\n');
    expect(isSafeLinkTarget('mailto:a@b.lt')).toBe(true);
    expect(isSafeLinkTarget(' JavaScript:alert(1)')).toBe(false);
  });

  it('turns images into links, so nothing loads from elsewhere', () => {
    expect(renderMarkdown('![logo](https://cdn.example/l.png)')).toBe(
      '<p><a href="https://cdn.example/l.png" rel="noopener noreferrer" target="_blank">logo</a></p>\n',
    );
  });

  it('renders a mention token as the highlighted name, not as a link', () => {
    expect(renderMarkdown('ask @[Ona P](agent:123E4567-E89B-12D3-A456-426614174000)')).toBe(
      '<p>ask <mark class="mention" data-agent-id="123e4567-e89b-12d3-a456-426614174000">@Ona P</mark></p>\n',
    );
  });
});
