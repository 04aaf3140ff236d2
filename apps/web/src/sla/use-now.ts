import { useInterval } from '@mantine/hooks';
import { useState } from 'react';

/** The current time, refreshed every `everyMs` (default 15 s): enough for a minute countdown. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(Date.now());
  useInterval(() => setNow(Date.now()), everyMs, { autoInvoke: true });
  return now;
}
