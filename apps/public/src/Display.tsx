import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { announceCall, canPlaySound, unlockSound } from './announce.ts';
import { useLiveBoard } from './api.ts';
import { serviceName, texts } from './texts.ts';

/** The display shows its texts in each of the location's languages in turn. */
const LANGUAGE_TURN_MS = 10_000;

export function DisplayPage() {
  const { location = '' } = useParams();
  const { board, isConnected } = useLiveBoard(location);
  const [turn, setTurn] = useState(0);
  const [isSoundOn, setSoundOn] = useState(canPlaySound());
  const lastCall = useRef<string | null>(null);

  useEffect(() => {
    const timer = setInterval(() => setTurn((value) => value + 1), LANGUAGE_TURN_MS);
    return () => clearInterval(timer);
  }, []);

  const languages = board?.languages ?? ['en'];
  const language = languages[turn % languages.length] ?? 'en';
  const t = texts[language];
  const now = board?.recentCalls[0];

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = board ? `${board.locationName} · ${t.nowServing}` : t.nowServing;
  }, [language, board, t]);

  // Announce each new call once (a recall has a new time, so it is announced again), never the
  // call already showing when the display was opened.
  useEffect(() => {
    if (!now) return;
    const key = `${now.ticket}@${now.calledAt}`;
    if (lastCall.current !== null && lastCall.current !== key) {
      announceCall(now.ticket, now.deskName, board?.languages ?? ['en']);
    }
    lastCall.current = key;
  }, [now, board?.languages]);

  if (!board)
    return (
      <main className="display">
        <p className="status-line">{t.loading}</p>
      </main>
    );

  return (
    <main className="display" lang={language}>
      <header className="display-header">
        <h1>{board.locationName}</h1>
        {!isConnected && (
          <p className="offline" role="status">
            {t.reconnecting}
          </p>
        )}
        {!isSoundOn && (
          <button
            type="button"
            className="secondary"
            onClick={() => unlockSound().then(() => setSoundOn(true))}
          >
            {t.soundOn}
          </button>
        )}
      </header>
      <section className="now-serving" aria-labelledby="now-heading" aria-live="polite">
        <h2 id="now-heading">{t.nowServing}</h2>
        {now ? (
          <p className="call" data-testid="now-serving">
            <span className="call-ticket">{now.ticket}</span>
            <span className="call-arrow" aria-hidden="true">
              →
            </span>
            <span className="call-desk">{now.deskName}</span>
          </p>
        ) : (
          <p className="call call-empty">—</p>
        )}
      </section>
      <div className="display-grid">
        <section aria-labelledby="recent-heading" className="panel">
          <h2 id="recent-heading">{t.recentCalls}</h2>
          <ol className="recent" data-testid="recent-calls">
            {board.recentCalls.length < 2 && <li>—</li>}
            {board.recentCalls.slice(1).map((call) => (
              <li key={`${call.ticket}@${call.calledAt}`}>
                <span className="recent-ticket">{call.ticket}</span> <span aria-hidden="true">→</span>{' '}
                <span>{call.deskName}</span>
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="next-heading" className="panel">
          <h2 id="next-heading">{t.nextInLine}</h2>
          <ul className="lines" data-testid="lines">
            {board.services.map((service) => (
              <li key={service.id} data-testid={`line-${service.prefix}`}>
                <h3>{serviceName(service.names, language)}</h3>
                <p className="next-tickets">
                  {service.next.length > 0 ? service.next.join('  ') : t.nobodyWaiting}
                </p>
                <p className="line-wait">
                  {t.expectedWait}:{' '}
                  {service.wait ? t.minutes(service.wait.aboutMinutes, service.wait.latestMinutes) : '—'}
                </p>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </main>
  );
}
