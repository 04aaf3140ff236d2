import type { PublicVisit } from '@frontline/contracts';
import { type FormEvent, useId, useState } from 'react';
import { ApiError, setVisitContact } from './api.ts';
import { notifyTexts } from './notify-texts.ts';

/**
 * "Tell me when my turn is near" on the tracking page: the customer leaves a phone or email on
 * their own phone (after scanning the ticket's QR code) rather than typing it on a public kiosk.
 */
export function NotifyMe({
  token,
  visit,
  onSaved,
}: {
  token: string;
  visit: PublicVisit;
  onSaved: (visit: PublicVisit) => void;
}) {
  const t = notifyTexts[visit.language];
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [isSaving, setSaving] = useState(false);
  const [problem, setProblem] = useState<{ text: string; field: 'phone' | 'email' | 'both' } | null>(null);
  const ids = useId();

  if (visit.hasContact)
    return (
      <p className="notify-saved" data-testid="notify-saved">
        {t.saved}
      </p>
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!phone.trim() && !email.trim()) return setProblem({ text: t.needContact, field: 'both' });
    setSaving(true);
    try {
      onSaved(
        await setVisitContact(token, {
          ...(phone.trim() ? { phone: phone.trim() } : {}),
          ...(email.trim() ? { email: email.trim() } : {}),
        }),
      );
      setProblem(null);
    } catch (error) {
      if (
        error instanceof ApiError &&
        error.fields.includes('body.email') &&
        !error.fields.includes('body.phone')
      )
        setProblem({ text: t.invalidEmail, field: 'email' });
      else if (error instanceof ApiError && error.fields.includes('body.phone'))
        setProblem({ text: t.invalidPhone, field: 'phone' });
      else setProblem({ text: t.failed, field: 'both' });
    } finally {
      setSaving(false);
    }
  };
  const problemId = `${ids}-problem`;
  const isWrong = (field: 'phone' | 'email') => problem?.field === field || problem?.field === 'both';

  return (
    <form className="notify-me join" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t.title}</legend>
        <p className="join-hint">{t.hint}</p>
        <label className="join-field">
          <span>{t.phone}</span>
          <input
            type="tel"
            name="phone"
            autoComplete="tel"
            inputMode="tel"
            value={phone}
            aria-invalid={isWrong('phone')}
            aria-describedby={isWrong('phone') ? problemId : undefined}
            onChange={(event) => {
              setPhone(event.currentTarget.value);
              setProblem(null);
            }}
          />
        </label>
        <label className="join-field">
          <span>{t.email}</span>
          <input
            type="email"
            name="email"
            autoComplete="email"
            value={email}
            aria-invalid={isWrong('email')}
            aria-describedby={isWrong('email') ? problemId : undefined}
            onChange={(event) => {
              setEmail(event.currentTarget.value);
              setProblem(null);
            }}
          />
        </label>
        <p id={problemId} className="join-problem" role="alert">
          {problem?.text ?? ''}
        </p>
        <button type="submit" disabled={isSaving}>
          {isSaving ? t.saving : t.save}
        </button>
      </fieldset>
    </form>
  );
}
