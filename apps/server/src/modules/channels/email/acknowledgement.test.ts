import { supportedLanguages } from '@frontline/contracts';
import { describe, expect, it } from 'vitest';
import {
  defaultAcknowledgementTemplates,
  renderAcknowledgement,
  unknownPlaceholders,
} from './acknowledgement.ts';
import { describeResponsePromise } from './response-promise.ts';

const promise = { amount: 4, unit: 'hours', businessTime: true } as const;

describe('acknowledgement templates', () => {
  it.each(supportedLanguages.map((language) => [language]))(
    '%s: states the reference and the response promise in the customer’s language',
    (language) => {
      const responsePromise = describeResponsePromise(promise, language);
      const rendered = renderAcknowledgement(defaultAcknowledgementTemplates[language], {
        reference: '1042',
        responsePromise,
        subject: 'Siuntinys',
        customerName: 'Ona',
        mailboxName: 'Shop support',
      });
      expect(rendered.subject).toBe('[#1042] Re: Siuntinys');
      expect(rendered.text).toContain('#1042');
      expect(rendered.text).toContain(responsePromise);
      expect(rendered.text).toMatch(/Shop support$/);
      expect(rendered.text).not.toContain('{{');
    },
  );

  it('every built-in template uses only known placeholders', () => {
    for (const template of Object.values(defaultAcknowledgementTemplates)) {
      expect(unknownPlaceholders(template.subject + template.body)).toEqual([]);
    }
  });

  it('names unknown placeholders so an admin can fix a template', () => {
    expect(unknownPlaceholders('Hi {{customerName}}, see {{ticketUrl}} and {{ eta }}')).toEqual([
      'ticketUrl',
      'eta',
    ]);
  });

  it('leaves no stray space when a value is empty', () => {
    const rendered = renderAcknowledgement(
      { subject: 'Re:  {{subject}}\n[#{{reference}}]', body: 'Hello {{customerName}},\nthanks.' },
      { reference: '7', responsePromise: '', subject: '', customerName: '', mailboxName: '' },
    );
    expect(rendered).toEqual({ subject: 'Re: [#7]', text: 'Hello,\nthanks.' });
  });
});
