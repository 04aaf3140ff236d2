import type {
  Board,
  PublicTicketBody,
  PublicVisit,
  RemoteJoinBody,
  Ticket,
  VisitContactBody,
} from '@frontline/contracts';
import { useEffect, useState } from 'react';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** Which request fields were wrong (`body.phone`), for validation errors. */
    readonly fields: string[] = [],
  ) {
    super(code);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { 'content-type': 'application/json', ...init?.headers },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as {
      code?: string;
      errors?: Array<{ path: string }>;
    };
    throw new ApiError(
      response.status,
      problem.code ?? 'unknown',
      (problem.errors ?? []).map((error) => error.path),
    );
  }
  return (await response.json()) as T;
}

export const fetchBoard = (locationId: string) =>
  call<Board>(`/api/v1/public/walk-in/locations/${locationId}/board`);
export const fetchVisit = (token: string) => call<PublicVisit>(`/api/v1/public/walk-in/visits/${token}`);
export const takeTicket = (locationId: string, body: Partial<PublicTicketBody>) =>
  call<Ticket>(`/api/v1/public/walk-in/locations/${locationId}/tickets`, {
    method: 'POST',
    body: JSON.stringify(body),
  });

export const setVisitContact = (token: string, body: Partial<VisitContactBody>) =>
  call<PublicVisit>(`/api/v1/public/walk-in/visits/${token}/contact`, {
    method: 'PUT',
    body: JSON.stringify(body),
  });
export const joinLine = (locationId: string, body: Partial<RemoteJoinBody>) =>
  call<Ticket>(`/api/v1/public/walk-in/locations/${locationId}/join`, {
    method: 'POST',
    body: JSON.stringify(body),
  });

/**
 * The location's board, live: the server pushes the whole board on every change. EventSource
 * reconnects by itself while the server answers; when it gives up (the server was down and
 * answered an error), we open a new one after a pause, so a display never needs a reload.
 */
export function useLiveBoard(locationId: string | null) {
  const [board, setBoard] = useState<Board | null>(null);
  const [isConnected, setConnected] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!locationId) return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let isStopped = false;
    const open = () => {
      source = new EventSource(`/api/v1/public/walk-in/locations/${locationId}/events`);
      source.addEventListener('board', (event) => {
        setBoard(JSON.parse((event as MessageEvent<string>).data) as Board);
        setConnected(true);
        setError(null);
      });
      source.onerror = () => {
        setConnected(false);
        if (source?.readyState === EventSource.CLOSED && !isStopped) {
          source.close();
          retry = setTimeout(() => {
            fetchBoard(locationId).catch((cause: unknown) => {
              if (cause instanceof ApiError && cause.status === 404) setError(cause);
            });
            open();
          }, 2000);
        }
      };
    };
    open();
    return () => {
      isStopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [locationId]);

  return { board, isConnected, error };
}
