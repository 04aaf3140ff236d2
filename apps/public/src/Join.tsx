import type { SupportedLanguage } from '@frontline/contracts';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, joinLine, useLiveBoard } from './api.ts';
import { type JoinTexts, joinTexts } from './join-texts.ts';
import { languageNames, languages, serviceName } from './texts.ts';

type FieldProblem = 'service' | 'contact' | 'phone' | 'email';

/** Why joining failed, in words the visitor can act on. */
function failureText(error: unknown, t: JoinTexts): { text: string; fields: FieldProblem[] } {
  if (!(error instanceof ApiError)) return { text: t.failed, fields: [] };
  if (error.status === 400 && error.fields.includes('body.email') && !error.fields.includes('body.phone'))
    return { text: t.invalidEmail, fields: ['email'] };
  if (error.status === 400 && error.fields.includes('body.phone'))
    return { text: t.invalidPhone, fields: ['phone'] };
  if (error.status === 403) return { text: t.notAllowed, fields: [] };
  if (error.status === 429) return { text: t.tooMany, fields: [] };
  if (error.code === 'walk_in.closed') return { text: t.closed, fields: [] };
  return { text: t.failed, fields: [] };
}

/**
 * Joining the line from anywhere (virtual queue): pick a language and a service, leave a
 * phone or an email, and go on to the visit's live tracking page.
 */
export function JoinPage() {
  const { location = '' } = useParams();
  const navigate = useNavigate();
  const { board, error: boardError } = useLiveBoard(location);
  const [language, setLanguage] = useState<SupportedLanguage | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [isJoining, setJoining] = useState(false);
  const [problem, setProblem] = useState<{ text: string; fields: FieldProblem[] } | null>(null);
  const ids = useId();
  const current = language ?? board?.languages[0] ?? 'en';
  const t = joinTexts[current];

  useEffect(() => {
    document.documentElement.lang = current;
    document.title = board ? t.title(board.locationName) : t.loading;
  }, [current, board, t]);

  if (boardError)
    return (
      <main className="join">
        <h1>{t.notFound}</h1>
      </main>
    );
  if (!board)
    return (
      <main className="join">
        <p className="status-line">{t.loading}</p>
      </main>
    );
  if (!board.allowsRemoteJoin)
    return (
      <main className="join">
        <h1>{board.locationName}</h1>
        <p className="join-intro">{t.notAllowed}</p>
      </main>
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!serviceId) return setProblem({ text: t.chooseService, fields: ['service'] });
    if (!phone.trim() && !email.trim()) return setProblem({ text: t.needContact, fields: ['contact'] });
    setProblem(null);
    setJoining(true);
    try {
      const ticket = await joinLine(location, {
        serviceId,
        language: current,
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(name.trim() ? { name: name.trim() } : {}),
      });
      navigate(`/visit/${ticket.trackingToken}`);
    } catch (error) {
      setProblem(failureText(error, t));
      setJoining(false);
    }
  };
  const isWrong = (field: FieldProblem) => problem?.fields.includes(field) ?? false;
  const problemId = `${ids}-problem`;
  const describedBy = (field: FieldProblem) => (isWrong(field) ? problemId : undefined);

  return (
    <main className="join">
      <h1>{t.title(board.locationName)}</h1>
      <p className="join-intro">{t.intro}</p>
      {!board.isOpen && <p className="join-closed">{t.closed}</p>}
      <nav aria-label={t.language} className="languages">
        {[...board.languages, ...languages.filter((code) => !board.languages.includes(code))].map((code) => (
          <button
            type="button"
            key={code}
            lang={code}
            aria-pressed={code === current}
            onClick={() => setLanguage(code)}
          >
            {languageNames[code]}
          </button>
        ))}
      </nav>
      <form onSubmit={submit} noValidate>
        <fieldset aria-describedby={describedBy('service')}>
          <legend>{t.service}</legend>
          {board.services.map((service) => (
            <label key={service.id} className="join-service">
              <input
                type="radio"
                name="service"
                value={service.id}
                checked={serviceId === service.id}
                disabled={!service.isTakingTickets}
                onChange={() => {
                  setServiceId(service.id);
                  setProblem(null);
                }}
              />
              <span className="join-service-name">{serviceName(service.names, current)}</span>
              <span className="join-service-meta">
                {service.isTakingTickets
                  ? `${t.waiting(service.waiting)}${service.wait ? ` · ${t.wait(service.wait.aboutMinutes, service.wait.latestMinutes)}` : ''}`
                  : t.notTaking}
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset aria-describedby={describedBy('contact')}>
          <legend>{t.contact}</legend>
          <p className="join-hint">{t.contactHint}</p>
          <label className="join-field">
            <span>{t.phone}</span>
            <input
              type="tel"
              name="phone"
              autoComplete="tel"
              inputMode="tel"
              value={phone}
              aria-invalid={isWrong('phone') || isWrong('contact')}
              aria-describedby={describedBy('phone')}
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
              aria-invalid={isWrong('email') || isWrong('contact')}
              aria-describedby={describedBy('email')}
              onChange={(event) => {
                setEmail(event.currentTarget.value);
                setProblem(null);
              }}
            />
          </label>
          <label className="join-field">
            <span>{t.name}</span>
            <input
              type="text"
              name="name"
              autoComplete="name"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
            />
          </label>
        </fieldset>
        <p id={problemId} className="join-problem" role="alert">
          {problem?.text ?? ''}
        </p>
        <button type="submit" disabled={isJoining}>
          {isJoining ? t.joining : t.submit}
        </button>
      </form>
    </main>
  );
}
