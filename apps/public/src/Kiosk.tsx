import type { BoardService, SupportedLanguage, Ticket } from '@frontline/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, takeTicket, useLiveBoard } from './api.ts';
import { type ContactProblem, contactPromise, type KioskContact, KioskContactStep } from './KioskContact.tsx';
import { Qr } from './Qr.tsx';
import { languageNames, languages, serviceName, texts } from './texts.ts';

/** Back to the start screen after this long without a touch or key press. */
const IDLE_MS = 45_000;

function useIdleReset(onIdle: () => void, isActive: boolean) {
  useEffect(() => {
    if (!isActive) return;
    let timer = setTimeout(onIdle, IDLE_MS);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, IDLE_MS);
    };
    const events = ['pointerdown', 'keydown'] as const;
    for (const name of events) window.addEventListener(name, restart);
    return () => {
      clearTimeout(timer);
      for (const name of events) window.removeEventListener(name, restart);
    };
  }, [onIdle, isActive]);
}

export function KioskPage() {
  const { location = '' } = useParams();
  const { board } = useLiveBoard(location);
  const [language, setLanguage] = useState<SupportedLanguage | null>(null);
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [state, setState] = useState<'idle' | 'taking' | 'failed'>('idle');
  /** The service chosen, while the visitor decides whether to leave a phone or an email. */
  const [chosen, setChosen] = useState<BoardService | null>(null);
  const [contact, setContact] = useState<KioskContact | null>(null);
  const [contactProblem, setContactProblem] = useState<ContactProblem>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const current = language ?? board?.languages[0] ?? 'en';
  const t = texts[current];

  const reset = useCallback(() => {
    setTicket(null);
    setLanguage(null);
    setChosen(null);
    setContact(null);
    setContactProblem(null);
    setState('idle');
  }, []);
  useIdleReset(reset, ticket !== null || language !== null || chosen !== null);
  useEffect(() => {
    document.documentElement.lang = current;
    document.title = board ? `${board.locationName} · ${t.welcome}` : t.welcome;
  }, [current, board, t]);
  useEffect(() => {
    // Screen readers and keyboards land on the new ticket, not on a vanished button.
    if (ticket) heading.current?.focus();
  }, [ticket]);

  const take = async (service: BoardService, left: KioskContact) => {
    setState('taking');
    setContactProblem(null);
    try {
      setTicket(
        await takeTicket(location, { serviceId: service.id, language: current, source: 'kiosk', ...left }),
      );
      setContact(left);
      setChosen(null);
      setState('idle');
    } catch (error) {
      // A contact the server cannot use is the visitor's to fix; anything else starts over.
      if (error instanceof ApiError && error.status === 400 && error.fields.includes('body.phone')) {
        setContactProblem('phone');
        setState('idle');
      } else if (error instanceof ApiError && error.status === 400 && error.fields.includes('body.email')) {
        setContactProblem('email');
        setState('idle');
      } else {
        setChosen(null);
        setState('failed');
      }
    }
  };

  if (!board)
    return (
      <main className="kiosk">
        <p className="status-line">{t.loading}</p>
      </main>
    );

  if (ticket) {
    const trackingUrl = `${window.location.origin}/visit/${ticket.trackingToken}`;
    return (
      <main className="kiosk">
        <section className="ticket" aria-labelledby="ticket-heading">
          <p className="location-name">{board.locationName}</p>
          <h1 id="ticket-heading" ref={heading} tabIndex={-1}>
            <span className="ticket-label">{t.yourNumber}</span>
            <span className="ticket-number" data-testid="ticket-number">
              {ticket.ticket}
            </span>
          </h1>
          <p className="ticket-service">{serviceName(ticket.serviceNames, current)}</p>
          <p className="ticket-position">{t.position(ticket.position ?? 0)}</p>
          <p className="ticket-wait">
            {ticket.wait ? t.wait(ticket.wait.aboutMinutes, ticket.wait.latestMinutes) : t.noWait}
          </p>
          {contactPromise(current, contact) && (
            <p className="ticket-notify" data-testid="ticket-notify">
              {contactPromise(current, contact)}
            </p>
          )}
          <figure className="ticket-qr">
            <Qr text={trackingUrl} label={t.scanToFollow} />
            <figcaption>{t.scanToFollow}</figcaption>
          </figure>
          <div className="actions no-print">
            <button type="button" className="secondary" onClick={() => window.print()}>
              {t.print}
            </button>
            <button type="button" onClick={reset}>
              {t.done}
            </button>
          </div>
          <p className="hint no-print">{t.backSoon}</p>
        </section>
      </main>
    );
  }

  if (chosen)
    return (
      <main className="kiosk">
        <KioskContactStep
          key={chosen.id}
          language={current}
          serviceName={serviceName(chosen.names, current)}
          isTaking={state === 'taking'}
          problem={contactProblem}
          onSubmit={(left) => void take(chosen, left)}
          onBack={() => {
            setChosen(null);
            setContactProblem(null);
          }}
        />
        <p className="status-line" role="status">
          {state === 'taking' ? t.takingTicket : ''}
        </p>
      </main>
    );

  return (
    <main className="kiosk">
      <header className="kiosk-header">
        <p className="location-name">{board.locationName}</p>
        <h1>{t.chooseService}</h1>
      </header>
      <nav aria-label={t.chooseLanguage} className="languages">
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
      {!board.isOpen && <p className="status-line">{t.closed}</p>}
      <ul className="services">
        {board.services.map((service) => (
          <li key={service.id}>
            <button
              type="button"
              className="service"
              disabled={!service.isTakingTickets || state === 'taking'}
              onClick={() => {
                setState('idle');
                setChosen(service);
              }}
            >
              <span className="service-name">{serviceName(service.names, current)}</span>
              <span className="service-meta">
                {service.isTakingTickets
                  ? `${t.waitingCount(service.waiting)}${service.wait ? ` · ${t.minutes(service.wait.aboutMinutes, service.wait.latestMinutes)}` : ''}`
                  : t.noTickets}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p className="status-line" role="status">
        {state === 'taking' ? t.takingTicket : state === 'failed' ? t.failed : ''}
      </p>
    </main>
  );
}
