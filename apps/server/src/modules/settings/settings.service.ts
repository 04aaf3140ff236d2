import type { Settings } from '@frontline/contracts';
import type { Deps } from '../../deps.ts';
import { readSettingValues, writeSettingValue } from './settings.repository.ts';

const defaults: Settings = { autoCloseAfterDays: 4 };

/** Instance-wide settings; stored one row per key so new settings need no migration of old ones. */
export async function getSettings(deps: Pick<Deps, 'db'>): Promise<Settings> {
  const values = await readSettingValues(deps.db);
  const autoClose = values.get('auto_close_after_days');
  return { autoCloseAfterDays: typeof autoClose === 'number' ? autoClose : defaults.autoCloseAfterDays };
}

export async function updateSettings(deps: Pick<Deps, 'db'>, changes: Partial<Settings>): Promise<Settings> {
  if (changes.autoCloseAfterDays !== undefined) {
    await writeSettingValue(deps.db, 'auto_close_after_days', changes.autoCloseAfterDays);
  }
  return getSettings(deps);
}
