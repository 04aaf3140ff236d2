import type { SlaConditions } from '@frontline/contracts';

/** What a policy's conditions look at. */
export type SlaSubject = {
  channel: string;
  priority: string;
  teamId: string | null;
  topic: string | null;
  organisation: string | null;
  tags: readonly string[];
};

const normalise = (text: string) => text.trim().toLocaleLowerCase();

/**
 * Every condition given must hold (AND); each lists the values that qualify (OR). Tags qualify
 * when the conversation has at least one of them; organisations compare case-insensitively. A
 * policy without conditions matches every conversation, so it makes a good last-resort default.
 */
export function matchesSlaConditions(conditions: SlaConditions, subject: SlaSubject): boolean {
  const isIn = (values: readonly string[] | undefined, value: string | null) =>
    values === undefined || values.length === 0 || (value !== null && values.includes(value));
  if (!isIn(conditions.channels, subject.channel)) return false;
  if (!isIn(conditions.priorities, subject.priority)) return false;
  if (!isIn(conditions.teamIds, subject.teamId)) return false;
  if (!isIn(conditions.topics, subject.topic)) return false;
  if (
    !isIn(
      conditions.organisations?.map(normalise),
      subject.organisation === null ? null : normalise(subject.organisation),
    )
  ) {
    return false;
  }
  if (conditions.tags && conditions.tags.length > 0) {
    if (!conditions.tags.some((tag) => subject.tags.includes(tag))) return false;
  }
  return true;
}

/** The first enabled policy, in order, whose conditions hold; undefined when none does. */
export function findApplicablePolicy<P extends { isEnabled: boolean; conditions: SlaConditions }>(
  policiesInOrder: readonly P[],
  subject: SlaSubject,
): P | undefined {
  return policiesInOrder.find(
    (policy) => policy.isEnabled && matchesSlaConditions(policy.conditions, subject),
  );
}
