import { Alert, Loader } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRealtime } from '../realtime/RealtimeProvider.tsx';

// A restored connection is confirmed briefly, then the banner gets out of the way.
const restoredVisibleMs = 3000;

/** Tells the agent when live updates stopped, and when they are back — without a reload. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const { state } = useRealtime();
  const wasLost = useRef(false);
  const [isRestored, setIsRestored] = useState(false);

  useEffect(() => {
    if (state === 'lost') {
      wasLost.current = true;
      setIsRestored(false);
      return;
    }
    if (state === 'open' && wasLost.current) {
      wasLost.current = false;
      setIsRestored(true);
      const timer = setTimeout(() => setIsRestored(false), restoredVisibleMs);
      return () => clearTimeout(timer);
    }
  }, [state]);

  if (state === 'lost') {
    return (
      <Alert
        color="orange"
        variant="filled"
        radius={0}
        py={6}
        icon={<Loader size="xs" color="white" />}
        role="status"
        data-testid="connection-lost"
      >
        {t('connection.lost')}
      </Alert>
    );
  }
  if (isRestored) {
    return (
      <Alert
        color="teal"
        variant="light"
        radius={0}
        py={6}
        icon={<IconPlugConnected size={18} />}
        role="status"
      >
        {t('connection.restored')}
      </Alert>
    );
  }
  return null;
}
