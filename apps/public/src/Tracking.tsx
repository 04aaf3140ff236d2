import type { PublicVisit } from '@frontline/contracts';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, fetchVisit, useLiveBoard } from './api.ts';
import { NotifyMe } from './NotifyMe.tsx';
import { serviceName, type Texts, texts } from './texts.ts';

function statusText(visit: PublicVisit, t: Texts) {
  switch (visit.status) {
    case 'waiting':
      return t.statusWaiting;
    case 'called':
      return t.statusCalled;
    case 'serving':
      return t.statusServing;
    case 'done':
      return t.statusDone;
    case 'no_show':
      return t.statusNoShow;
    case 'cancelled':
      return t.statusCancelled;
  }
}

/** The customer's phone: their ticket, place and wait, following every change of the line. */
export function TrackingPage() {
  const { token = '' } = useParams();
  const [visit, setVisit] = useState<PublicVisit | null>(null);
  const [isMissing, setMissing] = useState(false);
  const { board } = useLiveBoard(visit?.locationId ?? null);

  // Every new board means the line moved: read this visit again.
  useEffect(() => {
    if (board === undefined) return;
    fetchVisit(token)
      .then(setVisit)
      .catch((error: unknown) => {
        if (error instanceof ApiError && (error.status === 404 || error.status === 400)) setMissing(true);
      });
  }, [token, board]);

  const t = texts[visit?.language ?? 'en'];
  useEffect(() => {
    document.documentElement.lang = visit?.language ?? 'en';
    document.title = visit ? `${visit.ticket} · ${visit.locationName}` : t.loading;
  }, [visit, t]);

  if (isMissing)
    return (
      <main className="tracking">
        <h1>{t.visitNotFound}</h1>
      </main>
    );
  if (!visit)
    return (
      <main className="tracking">
        <p className="status-line">{t.loading}</p>
      </main>
    );

  const isCalled = visit.status === 'called' && visit.deskName;
  return (
    <main className={`tracking ${isCalled ? 'is-called' : ''}`}>
      <p className="location-name">{visit.locationName}</p>
      <h1>
        <span className="ticket-label">{t.yourNumber}</span>
        <span className="ticket-number" data-testid="tracking-ticket">
          {visit.ticket}
        </span>
      </h1>
      <p className="ticket-service">{serviceName(visit.serviceNames, visit.language)}</p>
      <div role="status" aria-live="polite" className="tracking-status" data-testid="tracking-status">
        <p className="status-title">{statusText(visit, t)}</p>
        {isCalled && <p className="go-to">{t.goTo(visit.deskName!)}</p>}
        {visit.status === 'waiting' && visit.position !== null && <p>{t.position(visit.position)}</p>}
        {visit.status === 'waiting' && (
          <p>{visit.wait ? t.wait(visit.wait.aboutMinutes, visit.wait.latestMinutes) : t.noWait}</p>
        )}
      </div>
      <p className="hint">{t.updatesLive}</p>
      {visit.status === 'waiting' && <NotifyMe token={token} visit={visit} onSaved={setVisit} />}
    </main>
  );
}
