import type { WebFormBody } from '@frontline/contracts';
import { describe, expect, it } from 'vitest';
import { validateWebForm } from './web-form-validation.ts';

const valid: WebFormBody = {
  clientId: 'form-1234567890',
  name: 'Ona Petraitienė',
  email: 'ona@example.lt',
  topic: 'order',
  message: 'Kur mano siuntinys? Užsakiau prieš savaitę.',
  attachmentIds: [],
};

describe('web form validation', () => {
  it('accepts a complete submission', () => {
    expect(validateWebForm(valid, 'lt')).toEqual([]);
  });

  it.each([
    ['an empty name', { name: '  ' }, 'en', 'body.name', 'Please enter your name.'],
    [
      'an email without a domain',
      { email: 'ona@' },
      'en',
      'body.email',
      'This does not look like an email address, e.g. name@example.com.',
    ],
    ['a missing email, in Lithuanian', { email: '' }, 'lt', 'body.email', 'Įveskite el. pašto adresą.'],
    ['an unknown topic, in Slovak', { topic: 'lottery' }, 'sk', 'body.topic', 'Vyberte tému.'],
    [
      'a too short message, in Polish',
      { message: 'Pomocy' },
      'pl',
      'body.message',
      'Napisz co najmniej 10 znaków.',
    ],
    [
      'a too long message, in Hungarian',
      { message: 'a'.repeat(10_001) },
      'hu',
      'body.message',
      'Az üzenet legfeljebb 10000 karakter lehet.',
    ],
    [
      'six files',
      { attachmentIds: Array(6).fill('00000000-0000-4000-8000-000000000000') },
      'en',
      'body.attachmentIds',
      'You can attach at most 5 files.',
    ],
  ] as const)(
    'refuses %s at its field with a message in the visitor’s language',
    (_case, change, language, path, message) => {
      expect(validateWebForm({ ...valid, ...change }, language)).toEqual([{ path, message }]);
    },
  );

  it('names every wrong field at once', () => {
    const errors = validateWebForm({ ...valid, name: '', email: 'x', topic: '', message: '' }, 'en');
    expect(errors.map((error) => error.path)).toEqual([
      'body.name',
      'body.email',
      'body.topic',
      'body.message',
    ]);
  });
});
