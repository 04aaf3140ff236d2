import type { Board } from '@frontline/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../../deps.ts';
import { listenToChannel } from '../../platform/realtime.ts';
import { buildBoard, loadLine } from './line.service.ts';
import { getLocation } from './setup.service.ts';
import { lineChannel } from './visits.service.ts';

type Subscriber = (board: Board) => void;

/**
 * This instance's display boards: one LISTEN for every location's line changes (from any
 * instance), the board computed once per change and location, and pushed to every open display
 * and tracking page of that location. Changes arriving together are coalesced for a few
 * milliseconds so a burst of kiosk tickets costs one computation.
 */
export type BoardHub = {
  subscribe: (locationId: string, subscriber: Subscriber) => () => void;
  currentBoard: (locationId: string) => Promise<Board>;
  close: () => Promise<void>;
};

const COALESCE_MS = 25;
/** Waits and "recent" calls age even when nothing happens; displays get a fresh board this often. */
const REFRESH_MS = 30_000;

export function createBoardHub(deps: Pick<Deps, 'db' | 'clock' | 'pool'>, log: FastifyBaseLogger): BoardHub {
  const subscribers = new Map<string, Set<Subscriber>>();
  const pending = new Map<string, NodeJS.Timeout>();
  // Boards of a location are computed one after another, so an older one never arrives last.
  const computing = new Map<string, Promise<void>>();

  // One snapshot for the whole board: the line and the recent calls must agree even while a
  // desk's call commits between two of the queries.
  const currentBoard = (locationId: string) =>
    deps.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (tx) => {
        const location = await getLocation(tx, locationId);
        return buildBoard(tx, await loadLine(tx, location, deps.clock.now(), deps.db));
      });

  const push = async (locationId: string) => {
    const listeners = subscribers.get(locationId);
    if (!listeners || listeners.size === 0) return;
    try {
      const board = await currentBoard(locationId);
      for (const subscriber of listeners) subscriber(board);
    } catch (error) {
      // Displays keep their last board and get the next change; nothing to answer to here.
      log.warn({ err: error, locationId }, 'walk-in board could not be computed');
    }
  };

  const schedule = (locationId: string) => {
    if (pending.has(locationId) || !subscribers.has(locationId)) return;
    pending.set(
      locationId,
      setTimeout(() => {
        pending.delete(locationId);
        const next = (computing.get(locationId) ?? Promise.resolve()).then(() => push(locationId));
        computing.set(locationId, next);
        void next.then(() => {
          if (computing.get(locationId) === next) computing.delete(locationId);
        });
      }, COALESCE_MS),
    );
  };

  const listener = listenToChannel(deps.pool, lineChannel, schedule, log);
  const refresh = setInterval(() => {
    for (const locationId of subscribers.keys()) schedule(locationId);
  }, REFRESH_MS);
  refresh.unref();

  return {
    subscribe(locationId, subscriber) {
      let listeners = subscribers.get(locationId);
      if (!listeners) {
        listeners = new Set();
        subscribers.set(locationId, listeners);
      }
      listeners.add(subscriber);
      return () => {
        listeners.delete(subscriber);
        if (listeners.size === 0) subscribers.delete(locationId);
      };
    },
    currentBoard,
    async close() {
      clearInterval(refresh);
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
      subscribers.clear();
      await listener.close();
    },
  };
}
