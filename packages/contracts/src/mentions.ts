/**
 * How a note names a colleague: the composer inserts `@[Ona Petraitienė](agent:<uuid>)`, which
 * identifies the agent even when two share a name or one is renamed later. Server (who to
 * notify) and clients (highlighting) read notes with the same pattern.
 */
export const mentionTokenPattern = /@\[([^\]\n]{1,200})\]\(agent:([0-9a-fA-F-]{36})\)/g;

/** The token for an agent, as the composer inserts it. Brackets in a name would end the token early. */
export function formatMentionToken(agent: { id: string; name: string }): string {
  return `@[${agent.name.replace(/[[\]\n]/g, ' ').trim()}](agent:${agent.id})`;
}

/** A piece of a note; `at` is where it starts in the body. */
export type NotePart = { at: number } & ({ text: string } | { mention: { agentId: string; name: string } });

/** Splits a note into plain text and mentions, in order, for display. */
export function splitMentions(body: string): NotePart[] {
  const parts: NotePart[] = [];
  let last = 0;
  for (const match of body.matchAll(mentionTokenPattern)) {
    if (match.index > last) parts.push({ at: last, text: body.slice(last, match.index) });
    parts.push({ at: match.index, mention: { name: match[1]!, agentId: match[2]!.toLowerCase() } });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ at: last, text: body.slice(last) });
  return parts;
}

/** The note as a person reads it: each token becomes `@Name`. */
export function mentionsAsPlainText(body: string): string {
  return body.replace(mentionTokenPattern, (_token, name: string) => `@${name}`);
}
