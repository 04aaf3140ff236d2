import { describe, expect, it } from 'vitest';
import { formatMentionToken, mentionsAsPlainText, splitMentions } from './mentions.ts';

const ona = { id: '11111111-1111-4111-8111-111111111111', name: 'Ona Petraitienė' };

describe('mention tokens', () => {
  it('name the agent by id, with brackets in a name made harmless', () => {
    expect(formatMentionToken(ona)).toBe(`@[Ona Petraitienė](agent:${ona.id})`);
    expect(formatMentionToken({ id: ona.id, name: 'Ona [Billing]' })).toBe(
      `@[Ona  Billing](agent:${ona.id})`,
    );
  });

  it.each([
    ['plain text stays one part', 'no mentions here', [{ at: 0, text: 'no mentions here' }]],
    [
      'a mention between words splits the note in three',
      `hi ${formatMentionToken(ona)}, look`,
      [
        { at: 0, text: 'hi ' },
        { at: 3, mention: { agentId: ona.id, name: 'Ona Petraitienė' } },
        { at: 3 + formatMentionToken(ona).length, text: ', look' },
      ],
    ],
    [
      'a note that is only a mention',
      formatMentionToken(ona),
      [{ at: 0, mention: { agentId: ona.id, name: 'Ona Petraitienė' } }],
    ],
    [
      'a malformed token is plain text',
      '@[Ona](agent:not-an-id)',
      [{ at: 0, text: '@[Ona](agent:not-an-id)' }],
    ],
  ])('%s', (_description, body, parts) => {
    expect(splitMentions(body)).toEqual(parts);
  });

  it('read as @Name in plain text', () => {
    expect(mentionsAsPlainText(`${formatMentionToken(ona)} please call back`)).toBe(
      '@Ona Petraitienė please call back',
    );
  });
});
