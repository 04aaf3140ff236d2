import { createHash, randomBytes } from 'node:crypto';
import type { ChatSettings, UpdateChatSettingsBody } from '@frontline/contracts';
import type { Db, Queryable } from '../../../db/database.ts';
import type { Deps } from '../../../deps.ts';
import { createCalendar } from '../../sla/index.ts';
import { insertSettingOnce, readSettingValue, writeSettingValue } from './chat-queue.repository.ts';
import { sendChatSignal } from './chat-signals.ts';
import { deriveKey } from './signatures.ts';

const settingsKey = 'chat';
const instanceSecretKey = 'chat_instance_secret';

export const defaultChatSettings: ChatSettings = {
  isEnabled: true,
  allowedOrigins: [],
  defaultMaxChats: 3,
  businessHours: null,
  identitySecret: null,
};

/** Widget settings; stored as one JSON value so new fields need no migration of old rows. */
export async function readChatSettings(db: Queryable): Promise<ChatSettings> {
  const stored = (await readSettingValue(db, settingsKey)) as Partial<ChatSettings> | undefined;
  return { ...defaultChatSettings, ...(stored ?? {}) };
}

export function getChatSettings(deps: Pick<Deps, 'db'>): Promise<ChatSettings> {
  return readChatSettings(deps.db);
}

export async function updateChatSettings(
  deps: Pick<Deps, 'db'>,
  changes: UpdateChatSettingsBody,
): Promise<ChatSettings> {
  // An invalid calendar is refused here (422 sla.invalid_calendar) rather than at the next chat.
  if (changes.businessHours)
    createCalendar({ ...changes.businessHours, holidays: changes.businessHours.holidays ?? null });
  return deps.db.transaction().execute(async (tx) => {
    const current = await readChatSettings(tx);
    const { rotateIdentitySecret, ...fields } = changes;
    const next: ChatSettings = {
      ...current,
      ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
      ...(rotateIdentitySecret ? { identitySecret: randomBytes(32).toString('hex') } : {}),
    };
    await writeSettingValue(tx, settingsKey, next);
    // Enabling, disabling or changing the hours changes what every open widget offers.
    await sendChatSignal(tx, { kind: 'queue' });
    return next;
  });
}

export type ChatKeys = { visitorToken: Buffer; uploadUrl: Buffer };

const keysByDatabase = new WeakMap<Db, Promise<ChatKeys>>();

/**
 * Keys for visitor tokens and upload URLs, derived from the instance secret: FRONTLINE_SECRET_KEY
 * when set, else a random secret generated once and kept in the database, so every instance on
 * one database signs and checks alike. Cached per database handle.
 */
export function loadChatKeys(deps: Pick<Deps, 'db' | 'config'>): Promise<ChatKeys> {
  let keys = keysByDatabase.get(deps.db);
  if (!keys) {
    keys = (async () => {
      const configured = deps.config.email.secretKey;
      const secret = configured
        ? createHash('sha256').update(configured).digest()
        : Buffer.from(
            String(await insertSettingOnce(deps.db, instanceSecretKey, randomBytes(32).toString('base64'))),
            'base64',
          );
      return { visitorToken: deriveKey(secret, 'visitor-token'), uploadUrl: deriveKey(secret, 'upload-url') };
    })();
    keys.catch(() => keysByDatabase.delete(deps.db));
    keysByDatabase.set(deps.db, keys);
  }
  return keys;
}
