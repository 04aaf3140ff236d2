import { type Agent, formatMentionToken } from '@frontline/contracts';
import { Avatar, Group, Paper, Portal, Text, UnstyledButton } from '@mantine/core';
import { type RefObject, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useAgents } from '../../api/directory.ts';
import { useSession } from '../../auth/session.tsx';
import { useNotificationText } from '../../notifications/texts.ts';

type Props = {
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  /** Mentions are for internal notes only: a reply goes to the customer. */
  enabled: boolean;
  value: string;
  onChange: (value: string) => void;
};

type Query = { start: number; end: number; text: string };

const maxSuggestions = 6;
// What the agent typed after `@` so far: up to 30 characters, no spaces (a space ends the lookup).
const queryBeforeCaret = /(?:^|\s)@([^\s@[\]()]{0,30})$/u;
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');

function matchesQuery(agent: Agent, query: string) {
  if (!query) return true;
  const name = fold(agent.name);
  return (
    name.startsWith(query) ||
    name.split(/\s+/).some((part) => part.startsWith(query)) ||
    fold(agent.email).startsWith(query)
  );
}

/**
 * @-autocomplete for the note composer, attached to its textarea: typing `@ona` lists matching
 * colleagues; ↑/↓ choose, Enter or Tab insert `@[Ona Petraitienė](agent:id)`, Escape dismisses.
 * Keys are caught on the textarea itself, before the composer's own shortcuts (Ctrl+Enter sends).
 */
export function MentionSuggestions({ textareaRef, enabled, value, onChange }: Props) {
  const { agent: me } = useSession();
  const agents = useAgents();
  const { text } = useNotificationText();
  const listId = useId();
  const [query, setQuery] = useState<Query | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);

  const readQuery = useCallback(
    (body: string) => {
      const textarea = textareaRef.current;
      if (!enabled || !textarea || textarea.selectionStart !== textarea.selectionEnd) {
        setQuery(null);
        return;
      }
      const caret = textarea.selectionStart;
      const match = queryBeforeCaret.exec(body.slice(0, caret));
      const typed = match?.[1] ?? '';
      setQuery(match ? { start: caret - typed.length - 1, end: caret, text: typed } : null);
    },
    [enabled, textareaRef],
  );

  // Re-read after every change of the text (the caret has moved by then) and on caret moves.
  useEffect(() => readQuery(value), [value, readQuery]);
  useEffect(() => {
    const textarea = textareaRef.current;
    if (!textarea) return;
    const reread = () => readQuery(textarea.value);
    const close = () => setQuery(null);
    textarea.addEventListener('click', reread);
    textarea.addEventListener('keyup', reread);
    textarea.addEventListener('blur', close);
    return () => {
      textarea.removeEventListener('click', reread);
      textarea.removeEventListener('keyup', reread);
      textarea.removeEventListener('blur', close);
    };
  }, [textareaRef, readQuery]);

  const matches = useMemo(() => {
    if (!query) return [];
    const needle = fold(query.text);
    return (agents.data ?? [])
      .filter((candidate) => candidate.id !== me.id && candidate.isActive && matchesQuery(candidate, needle))
      .slice(0, maxSuggestions);
  }, [agents.data, me.id, query]);

  const isOpen = enabled && query !== null && query.start !== dismissedAt;
  const active = matches[Math.min(activeIndex, matches.length - 1)];

  const [shownQuery, setShownQuery] = useState(query?.text);
  if (shownQuery !== query?.text) {
    setShownQuery(query?.text);
    setActiveIndex(0);
  }

  const choose = useCallback(
    (chosen: Agent) => {
      const textarea = textareaRef.current;
      if (!query || !textarea) return;
      const token = `${formatMentionToken(chosen)} `;
      onChange(value.slice(0, query.start) + token + value.slice(query.end));
      setQuery(null);
      const caret = query.start + token.length;
      requestAnimationFrame(() => {
        textarea.focus();
        textarea.setSelectionRange(caret, caret);
      });
    },
    [onChange, query, textareaRef, value],
  );

  useEffect(() => {
    const textarea = textareaRef.current;
    if (!textarea || !isOpen || !query) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setDismissedAt(query.start);
      else if (matches.length === 0) return;
      else if (event.key === 'ArrowDown') setActiveIndex((index) => (index + 1) % matches.length);
      else if (event.key === 'ArrowUp')
        setActiveIndex((index) => (index - 1 + matches.length) % matches.length);
      else if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
        if (active) choose(active);
      } else return;
      // Handled here: neither the textarea nor the composer's shortcuts see this key.
      event.preventDefault();
      event.stopPropagation();
    };
    textarea.addEventListener('keydown', onKeyDown);
    return () => textarea.removeEventListener('keydown', onKeyDown);
  }, [textareaRef, isOpen, query, matches, active, choose]);

  // The textarea announces the list as its autocomplete (a combobox in ARIA's words).
  useEffect(() => {
    const textarea = textareaRef.current;
    if (!textarea || !enabled) return;
    textarea.setAttribute('aria-autocomplete', 'list');
    textarea.setAttribute('aria-expanded', String(isOpen));
    if (isOpen) textarea.setAttribute('aria-controls', listId);
    else textarea.removeAttribute('aria-controls');
    if (isOpen && active) textarea.setAttribute('aria-activedescendant', `${listId}-${active.id}`);
    else textarea.removeAttribute('aria-activedescendant');
    return () => {
      for (const name of ['aria-autocomplete', 'aria-expanded', 'aria-controls', 'aria-activedescendant']) {
        textarea.removeAttribute(name);
      }
    };
  }, [textareaRef, enabled, isOpen, active, listId]);

  if (!isOpen || !query) return null;
  // Above the textarea: the composer sits at the bottom of the screen, where a list below would be cut off.
  const anchor = textareaRef.current?.getBoundingClientRect();
  return (
    <Portal>
      <Paper
        withBorder
        shadow="md"
        p={4}
        w={340}
        style={{
          position: 'fixed',
          zIndex: 300,
          left: anchor?.left ?? 0,
          bottom: anchor ? window.innerHeight - anchor.top + 4 : 0,
        }}
        id={listId}
        role="listbox"
        aria-label={text('mentionSuggestions')}
        data-testid="mention-suggestions"
      >
        {matches.length === 0 ? (
          <Text size="xs" c="dimmed" p="xs">
            {agents.isPending ? '…' : text('noColleagueMatches', { query: query.text })}
          </Text>
        ) : (
          matches.map((candidate) => {
            const isActive = candidate.id === active?.id;
            return (
              <UnstyledButton
                key={candidate.id}
                id={`${listId}-${candidate.id}`}
                role="option"
                aria-selected={isActive}
                tabIndex={-1}
                w="100%"
                px="xs"
                py={4}
                style={{
                  borderRadius: 'var(--mantine-radius-sm)',
                  background: isActive ? 'var(--mantine-color-indigo-0)' : undefined,
                }}
                // Keeps the focus (and the caret) in the textarea while clicking.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(candidate)}
                data-testid="mention-option"
              >
                <Group gap="xs" wrap="nowrap">
                  <Avatar size="sm" name={candidate.name} color="initials" aria-hidden />
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} truncate>
                      {candidate.name}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {candidate.email}
                    </Text>
                  </div>
                </Group>
              </UnstyledButton>
            );
          })
        )}
        <Text size="xs" c="dimmed" px="xs" pt={4}>
          {text('mentionHint')}
        </Text>
      </Paper>
    </Portal>
  );
}
