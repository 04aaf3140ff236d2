import type { PresenceEvent } from '@frontline/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../auth/session.tsx';
import { useRealtime } from './RealtimeProvider.tsx';

export type Colleague = { agentId: string; name: string; isTyping: boolean };

// The server forgets a viewer after 60 s without activity, so we renew well before that.
const viewingRenewMs = 25_000;
// Typing is a pulse: sent at most this often while keys are pressed ...
const typingPulseMs = 3_000;
// ... and a colleague counts as typing until this long after their last pulse.
const typingStaleMs = 10_000;

/**
 * Who else is looking at (or typing in) this conversation, and a function to announce that the
 * signed-in agent is typing. Announces "viewing" while mounted and "left" when the agent leaves.
 */
export function usePresence(conversationId: string) {
  const { agent } = useSession();
  const { send, subscribe, state } = useRealtime();
  const [others, setOthers] = useState<Map<string, PresenceEvent>>(new Map());
  const [now, setNow] = useState(Date.now());
  const lastTypingPulse = useRef(0);

  useEffect(() => {
    setOthers(new Map());
    return subscribe((event) => {
      if (event.type !== 'presence' || event.conversationId !== conversationId || event.agentId === agent.id)
        return;
      setOthers((current) => {
        const next = new Map(current);
        if (event.state === 'left') next.delete(event.agentId);
        // Timestamps are ours, not the server's: a skewed server clock must not hide typing.
        else next.set(event.agentId, { ...event, at: new Date().toISOString() });
        return next;
      });
    });
  }, [conversationId, agent.id, subscribe]);

  // (Re)announce on every (re)connection: a new socket starts with no presence on the server.
  useEffect(() => {
    if (state !== 'open') return;
    send({ type: 'viewing', conversationId });
    const timer = setInterval(() => send({ type: 'viewing', conversationId }), viewingRenewMs);
    return () => {
      clearInterval(timer);
      send({ type: 'left', conversationId });
    };
  }, [conversationId, send, state]);

  // Typing indicators fade on their own; re-render while any is showing.
  useEffect(() => {
    const hasTyping = [...others.values()].some((event) => event.state === 'typing');
    if (!hasTyping) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [others]);

  const announceTyping = useCallback(() => {
    const current = Date.now();
    if (current - lastTypingPulse.current < typingPulseMs) return;
    lastTypingPulse.current = current;
    send({ type: 'typing', conversationId });
  }, [conversationId, send]);

  const colleagues: Colleague[] = [...others.values()].map((event) => ({
    agentId: event.agentId,
    name: event.agentName,
    isTyping: event.state === 'typing' && now - new Date(event.at).getTime() < typingStaleMs,
  }));
  return { colleagues, announceTyping };
}
