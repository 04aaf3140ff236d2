import { mentionTokenPattern } from '@frontline/contracts';

/** An agent a note may name. */
export type MentionableAgent = { id: string; name: string; email: string };

// Folded for comparison: case and accents do not matter (`@ona` finds "Ona", `@zofia` "Zofia", `@petraitiene` "Petraitienė").
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');

// A plain `@` starts a mention only where a word does not go on: `ona@example.lt` is an address.
const plainMentionPattern = /(?<![\p{L}\p{N}_.@])@(?=[\p{L}\p{N}])/gu;
const isWordCharacter = (character: string | undefined) =>
  character !== undefined && /[\p{L}\p{N}_]/u.test(character);

/** The one agent the text after a plain `@` names, or undefined when none or several fit. */
function resolvePlainMention(rest: string, agents: readonly MentionableAgent[]): string | undefined {
  const folded = fold(rest);
  // The longest full name that the text starts with: `@Ona Petraitienė` over `@Ona`.
  let bestLength = 0;
  let best = new Set<string>();
  for (const agent of agents) {
    const name = fold(agent.name.trim());
    if (!name || !folded.startsWith(name) || isWordCharacter(folded[name.length])) continue;
    if (name.length > bestLength) {
      bestLength = name.length;
      best = new Set([agent.id]);
    } else if (name.length === bestLength) best.add(agent.id);
  }
  if (best.size === 1) return [...best][0];
  if (best.size > 1) return undefined;
  // Otherwise one word: a first name, a surname, or the address before the `@`.
  const word = /^[\p{L}\p{N}_][\p{L}\p{N}_.'-]*/u.exec(folded)?.[0].replace(/[.'-]+$/u, '');
  if (!word) return undefined;
  const matching = agents.filter((agent) => {
    const parts = fold(agent.name).split(/\s+/);
    return parts.includes(word) || fold(agent.email.split('@')[0] ?? '') === word;
  });
  return matching.length === 1 ? matching[0]!.id : undefined;
}

/**
 * Who a note mentions, each once, in order of first mention: every `@[Name](agent:id)` token
 * the composer inserted (for an agent in `agents`), and every plain `@name` that names exactly
 * one of `agents` (full name, one part of it, or the address before the `@`). Ambiguous plain
 * mentions name nobody: better no notification than one to the wrong person.
 *
 * @example
 * findMentionedAgentIds('@[Ona](agent:…) and @jonas, please check', agents) // [onaId, jonasId]
 */
export function findMentionedAgentIds(body: string, agents: readonly MentionableAgent[]): string[] {
  const known = new Set(agents.map((agent) => agent.id));
  const mentioned = new Set<string>();
  const positions: { index: number; id: string }[] = [];
  for (const match of body.matchAll(mentionTokenPattern)) {
    const id = match[2]!.toLowerCase();
    if (known.has(id)) positions.push({ index: match.index, id });
  }
  // Tokens are blanked out (same length) so their names are not read again as plain mentions.
  const withoutTokens = body.replace(mentionTokenPattern, (token) => ' '.repeat(token.length));
  for (const match of withoutTokens.matchAll(plainMentionPattern)) {
    const id = resolvePlainMention(withoutTokens.slice(match.index + 1, match.index + 1 + 200), agents);
    if (id) positions.push({ index: match.index, id });
  }
  for (const { id } of positions.sort((a, b) => a.index - b.index)) mentioned.add(id);
  return [...mentioned];
}
