import { type NotificationKind, notificationKinds } from '@frontline/contracts';
import { sql } from 'kysely';
import type pg from 'pg';
import type { Queryable } from '../../db/database.ts';
import { type ChannelListener, listenToChannel } from '../../platform/realtime.ts';

/**
 * Notifications reach the recipients' open workspaces over their own NOTIFY channel: the domain
 * change feed is about conversations (every stream loads the conversation and checks who may see
 * it), while these are addressed to named agents and need no conversation at all. Published
 * inside the caller's transaction, so a rolled-back note notifies nobody.
 */
export const notificationChannel = 'frontline_notifications';

export type NotificationSignal =
  | {
      type: 'notification.created';
      agentIds: string[];
      kind: NotificationKind;
      conversationId: string | null;
    }
  | { type: 'notifications.read'; agentIds: string[] };

export async function publishNotificationSignal(db: Queryable, signal: NotificationSignal) {
  // Ids only: NOTIFY payloads are capped at 8000 bytes (about 200 recipients of one signal).
  await sql`select pg_notify(${notificationChannel}, ${JSON.stringify(signal)})`.execute(db);
}

function parseSignal(payload: string): NotificationSignal | undefined {
  try {
    const signal = JSON.parse(payload) as NotificationSignal;
    if (!Array.isArray(signal.agentIds)) return undefined;
    if (signal.type === 'notifications.read') return signal;
    if (signal.type === 'notification.created' && notificationKinds.includes(signal.kind)) return signal;
    return undefined;
  } catch {
    return undefined;
  }
}

/** Every committed notification signal, from every instance. */
export function listenForNotificationSignals(
  pool: pg.Pool,
  log: { warn: (object: unknown, message: string) => void },
  onSignal: (signal: NotificationSignal) => void,
): ChannelListener {
  return listenToChannel(
    pool,
    notificationChannel,
    (payload) => {
      const signal = parseSignal(payload);
      if (signal) onSignal(signal);
    },
    log,
  );
}
