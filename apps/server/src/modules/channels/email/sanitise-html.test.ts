import { describe, expect, it } from 'vitest';
import { sanitiseEmailHtml } from './sanitise-html.ts';

describe('sanitiseEmailHtml', () => {
  it.each([
    ['a script and its content are removed', '<p>Hi</p><script>alert(1)</script>', '<p>Hi</p>'],
    ['event handlers are removed', '<p onclick="steal()" onmouseover="x()">Hi</p>', '<p>Hi</p>'],
    [
      'a javascript: link loses its target',
      '<a href="javascript:alert(1)">click</a>',
      '<a rel="noopener noreferrer nofollow" target="_blank">click</a>',
    ],
    [
      'an obfuscated javascript: link loses its target',
      '<a href="  JaVaScRiPt:alert(1)">x</a>',
      '<a rel="noopener noreferrer nofollow" target="_blank">x</a>',
    ],
    [
      'a vbscript: link loses its target',
      '<a href="vbscript:msgbox(1)">x</a>',
      '<a rel="noopener noreferrer nofollow" target="_blank">x</a>',
    ],
    [
      'an ordinary link opens safely in a new tab',
      '<a href="https://shop.example/o/1">order</a>',
      '<a href="https://shop.example/o/1" rel="noopener noreferrer nofollow" target="_blank">order</a>',
    ],
    [
      'a mailto: link stays',
      '<a href="mailto:ona@example.lt">Ona</a>',
      '<a href="mailto:ona@example.lt" rel="noopener noreferrer nofollow" target="_blank">Ona</a>',
    ],
    [
      'iframes, objects and forms are removed',
      '<iframe src="https://evil.example"></iframe><object data="x"></object><form action="https://evil.example"><input name="p"></form><p>ok</p>',
      '<p>ok</p>',
    ],
    [
      'style sheets are removed with their content',
      '<style>body{display:none}</style><p>ok</p>',
      '<p>ok</p>',
    ],
    [
      'the document title does not become body text',
      '<html><head><title>Newsletter</title></head><body><p>ok</p></body></html>',
      '<p>ok</p>',
    ],
    [
      'a tracking pixel is dropped',
      '<p>Hi</p><img src="https://tracker.example/p.gif?u=1" width="1" height="1">',
      '<p>Hi</p>',
    ],
    [
      'a remote image keeps its address only inert',
      '<img src="https://cdn.example/photo.jpg" alt="photo">',
      '<img alt="photo" data-blocked-src="https://cdn.example/photo.jpg" />',
    ],
    [
      'an inline cid image stays',
      '<img src="cid:photo-1@example.lt" alt="photo">',
      '<img src="cid:photo-1@example.lt" alt="photo" />',
    ],
    [
      'a data: image stays',
      '<img src="data:image/png;base64,iVBORw0KGgo=">',
      '<img src="data:image/png;base64,iVBORw0KGgo=" />',
    ],
    [
      'a data: document in an image is dropped',
      '<p>x</p><img src="data:text/html;base64,PHNjcmlwdD4=">',
      '<p>x</p>',
    ],
    [
      'a style with url() is dropped, safe styles stay',
      '<p style="background:url(https://t.example/x);color:#c00">x</p>',
      '<p style="color:#c00">x</p>',
    ],
  ])('%s', (_behaviour, input, expected) => {
    expect(sanitiseEmailHtml(input).html).toBe(expected);
  });

  it('counts the remote images it blocked, tracking pixels included', () => {
    const result = sanitiseEmailHtml(
      '<img src="https://t.example/p.gif" width="1" height="1"><img src="http://cdn.example/a.jpg"><img src="cid:a@b">',
    );
    expect(result.blockedRemoteImages).toBe(2);
  });
});
