import type { SupportedLanguage } from '@frontline/contracts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { kioskContactTexts, looksLikeEmail, looksLikePhone } from './kiosk-contact-texts.ts';

export type KioskContact = { phone?: string; email?: string };
export type ContactProblem = 'phone' | 'email' | null;

/**
 * The kiosk's optional step after choosing a service: a phone or an email to be told when the
 * turn is near and when called. Typos are caught here; what the server refuses comes back as
 * `problem` (the ticket is not taken then).
 */
export function KioskContactStep({
  language,
  serviceName,
  isTaking,
  problem,
  onSubmit,
  onBack,
}: {
  language: SupportedLanguage;
  serviceName: string;
  isTaking: boolean;
  problem: ContactProblem;
  onSubmit: (contact: KioskContact) => void;
  onBack: () => void;
}) {
  const t = kioskContactTexts[language];
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [localProblem, setLocalProblem] = useState<ContactProblem>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = useId();
  const shown = localProblem ?? problem;
  useEffect(() => heading.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const contact = { phone: phone.trim(), email: email.trim() };
    if (contact.phone && !looksLikePhone(contact.phone)) return setLocalProblem('phone');
    if (contact.email && !looksLikeEmail(contact.email)) return setLocalProblem('email');
    setLocalProblem(null);
    onSubmit({
      ...(contact.phone ? { phone: contact.phone } : {}),
      ...(contact.email ? { email: contact.email } : {}),
    });
  };
  const problemId = `${ids}-problem`;

  return (
    <form className="kiosk-contact" onSubmit={submit} noValidate aria-labelledby={`${ids}-title`}>
      <p className="location-name">{serviceName}</p>
      <h1 id={`${ids}-title`} ref={heading} tabIndex={-1}>
        {t.title}
      </h1>
      <p className="kiosk-contact-intro">{t.intro}</p>
      <label className="kiosk-field">
        <span>{t.phone}</span>
        <input
          type="tel"
          name="phone"
          inputMode="tel"
          autoComplete="off"
          value={phone}
          aria-invalid={shown === 'phone'}
          aria-describedby={shown === 'phone' ? problemId : undefined}
          onChange={(event) => {
            setPhone(event.currentTarget.value);
            setLocalProblem(null);
          }}
        />
      </label>
      <label className="kiosk-field">
        <span>{t.email}</span>
        <input
          type="email"
          name="email"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          aria-invalid={shown === 'email'}
          aria-describedby={shown === 'email' ? problemId : undefined}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
            setLocalProblem(null);
          }}
        />
      </label>
      <p id={problemId} className="kiosk-contact-problem" role="alert">
        {shown === 'phone' ? t.invalidPhone : shown === 'email' ? t.invalidEmail : ''}
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={onBack} disabled={isTaking}>
          {t.back}
        </button>
        <button type="button" className="secondary" onClick={() => onSubmit({})} disabled={isTaking}>
          {t.skip}
        </button>
        <button type="submit" className="primary" disabled={isTaking || (!phone.trim() && !email.trim())}>
          {t.submit}
        </button>
      </div>
    </form>
  );
}

/** How the ticket screen says the visitor will be told, or nothing without a contact. */
export function contactPromise(language: SupportedLanguage, contact: KioskContact | null) {
  const t = kioskContactTexts[language];
  if (contact?.phone && contact.email) return t.willTextAndEmail;
  if (contact?.phone) return t.willText;
  if (contact?.email) return t.willEmail;
  return null;
}
