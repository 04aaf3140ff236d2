import type { AvailabilityStatus } from '@frontline/contracts';
import { Badge, Checkbox, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useAvailability, useChatEvents, useChatQueue, useSetAvailability } from './chat-api.ts';
import { useChatText } from './texts.ts';

const soundKey = 'frontline.chatSound';

/** A short two-tone chime from WebAudio: no sound file to ship. */
function chime() {
  const audio = new AudioContext();
  for (const [index, frequency] of [880, 1320].entries()) {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.15, audio.currentTime + index * 0.15);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + index * 0.15 + 0.3);
    tone.connect(gain).connect(audio.destination);
    tone.start(audio.currentTime + index * 0.15);
    tone.stop(audio.currentTime + index * 0.15 + 0.3);
  }
}

/** The header's chat switch: online / away / offline, the agent's load, the waiting line, the sound. */
export function AvailabilityMenu() {
  const text = useChatText();
  const availability = useAvailability();
  const setAvailability = useSetAvailability();
  const queue = useChatQueue();
  const [isSoundOn, setIsSoundOn] = useState(() => localStorage.getItem(soundKey) === 'on');
  const lastWaiting = useRef<number | null>(null);
  useChatEvents((event) => {
    if (event.type !== 'queue.changed') return;
    const isNew = lastWaiting.current !== null && event.waiting > lastWaiting.current;
    lastWaiting.current = event.waiting;
    if (isNew && isSoundOn && availability.data?.status === 'online') chime();
  });
  if (!availability.data) return null;
  const waiting = queue.data?.items.length ?? 0;
  return (
    <Stack gap={2} data-testid="chat-availability">
      <Group gap="xs" wrap="nowrap">
        <SegmentedControl
          size="xs"
          aria-label={text('availability')}
          value={availability.data.status}
          onChange={(status) => setAvailability.mutate(status as AvailabilityStatus)}
          data={(['online', 'away', 'offline'] as const).map((status) => ({
            value: status,
            label: text(status),
          }))}
        />
        {waiting > 0 && <Badge color="orange">{text('waiting', { count: waiting })}</Badge>}
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed">
          {text('activeChats', { active: availability.data.activeChats, max: availability.data.maxChats })}
        </Text>
        <Checkbox
          size="xs"
          label={text('sound')}
          checked={isSoundOn}
          onChange={(event) => {
            const isOn = event.currentTarget.checked;
            setIsSoundOn(isOn);
            localStorage.setItem(soundKey, isOn ? 'on' : 'off');
          }}
        />
      </Group>
    </Stack>
  );
}
