import type { Priority, SlaEscalation, SlaPolicy } from '@frontline/contracts';
import { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import type { ConversationUpdate } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { TaskList } from '../../platform/jobs.ts';
import { publishChange } from '../../platform/realtime.ts';
import { notifyAgents } from '../notifications/index.ts';
import type { BusinessCalendar } from './business-hours.ts';
import { loadBusinessCalendar } from './calendars.service.ts';
import {
  findEscalationRecipients,
  findSlaSubject,
  findTeamName,
  insertSlaEvents,
  listCountingConversationIds,
  lockConversationForSla,
  type SlaEventInsert,
  type SlaSubjectRow,
  scheduleSlaJob,
  updateConversationSlaRow,
} from './sla.repository.ts';
import {
  computeSlaSchedule,
  type PerMetric,
  readSlaClock,
  type SlaMetric,
  type SlaSchedule,
  slaMetrics,
} from './sla-clock.ts';
import { listSlaPolicies } from './sla-policies.service.ts';
import { findApplicablePolicy } from './sla-policy-match.ts';

export const slaWarningTask = 'sla_warning';
export const slaBreachTask = 'sla_breach';
export const slaRecountTask = 'sla_recount';
export const slaWarningJobKey = (conversationId: string) => `sla_warning:${conversationId}`;
export const slaBreachJobKey = (conversationId: string) => `sla_breach:${conversationId}`;

const dateOrNull = (value: Date | string | null) => (value === null ? null : new Date(value));

const dueColumn = {
  first_response: 'first_response_due_at',
  next_response: 'next_response_due_at',
  resolution: 'resolution_due_at',
} as const satisfies PerMetric<keyof ConversationUpdate>;
const warnedColumn = {
  first_response: 'first_response_warned_at',
  next_response: 'next_response_warned_at',
  resolution: 'resolution_warned_at',
} as const satisfies PerMetric<keyof ConversationUpdate>;
const breachedColumn = {
  first_response: 'first_response_breached_at',
  next_response: 'next_response_breached_at',
  resolution: 'resolution_breached_at',
} as const satisfies PerMetric<keyof ConversationUpdate>;

const perMetric = <T>(read: (metric: SlaMetric) => T): PerMetric<T> => ({
  first_response: read('first_response'),
  next_response: read('next_response'),
  resolution: read('resolution'),
});

type Applied = {
  policy: SlaPolicy;
  schedule: SlaSchedule;
  warnedAt: PerMetric<Date | null>;
  breachedAt: PerMetric<Date | null>;
};

async function calendarOf(tx: Tx, policy: SlaPolicy | undefined): Promise<BusinessCalendar | null> {
  if (!policy?.calendarId) return null;
  return (await loadBusinessCalendar(tx, policy.calendarId)) ?? null;
}

/**
 * Matches the policy, brings the clock up to `now`, stores the due times and (re)schedules the
 * warning and breach jobs. Answers what applies, or undefined when no policy does.
 */
async function applySla(tx: Tx, subject: SlaSubjectRow, now: Date): Promise<Applied | undefined> {
  const policies = await listSlaPolicies(tx);
  const policy = findApplicablePolicy(policies, {
    channel: subject.channel,
    priority: subject.priority,
    teamId: subject.team_id,
    // Policies name topics by key (triage sets the topic; see modules/triage/topics.service.ts).
    topic: subject.topic_key,
    organisation: subject.organisation,
    tags: subject.tags,
  });
  const previousPolicy = policies.find((candidate) => candidate.id === subject.sla_policy_id);
  const storedClock = {
    elapsedSeconds: subject.sla_elapsed_seconds,
    startedAt: dateOrNull(subject.sla_clock_started_at),
    nextResponseFromSeconds: subject.sla_next_response_from_seconds,
  };
  // Time already run is counted in the calendar it ran under, even when the policy changes now.
  const elapsed = readSlaClock(await calendarOf(tx, previousPolicy ?? policy), storedClock, now);
  const warnedAt = perMetric((metric) => dateOrNull(subject[warnedColumn[metric]]));
  const breachedAt = perMetric((metric) => dateOrNull(subject[breachedColumn[metric]]));

  if (!policy) {
    // Nothing applied before either: no row to clear and no job to remove (a leftover job of a
    // deleted policy finds nothing due when it runs).
    if (subject.sla_policy_id === null && subject.sla_due_at === null && storedClock.startedAt === null) {
      return undefined;
    }
    await updateConversationSlaRow(tx, subject.id, {
      sla_policy_id: null,
      sla_elapsed_seconds: elapsed,
      sla_clock_started_at: null,
      first_response_due_at: null,
      next_response_due_at: null,
      resolution_due_at: null,
      sla_due_at: null,
      sla_warning_at: null,
    });
    await scheduleSlaJob(tx, slaWarningTask, slaWarningJobKey(subject.id), {}, null, now);
    await scheduleSlaJob(tx, slaBreachTask, slaBreachJobKey(subject.id), {}, null, now);
    return undefined;
  }

  const schedule = computeSlaSchedule({
    calendar: await calendarOf(tx, policy),
    targets: {
      firstResponseMinutes: policy.firstResponseMinutes,
      nextResponseMinutes: policy.nextResponseMinutes,
      resolutionMinutes: policy.resolutionMinutes,
      warningMinutes: policy.warningMinutes,
    },
    clock: { ...storedClock, elapsedSeconds: elapsed, startedAt: storedClock.startedAt ? now : null },
    progress: {
      status: subject.status,
      firstResponseAt: dateOrNull(subject.first_response_at),
      waitingSince: dateOrNull(subject.waiting_since),
    },
    previousDue: perMetric((metric) => dateOrNull(subject[dueColumn[metric]])),
    warnedAt,
    breachedAt,
    now,
  });

  const set: ConversationUpdate = {
    sla_policy_id: policy.id,
    sla_elapsed_seconds: schedule.clock.elapsedSeconds,
    sla_clock_started_at: schedule.clock.startedAt,
    sla_next_response_from_seconds: schedule.clock.nextResponseFromSeconds,
    sla_due_at: schedule.dueAt,
    sla_warning_at: schedule.warningAt,
  };
  for (const metric of slaMetrics) set[dueColumn[metric]] = schedule.due[metric];
  if (schedule.isNewNextResponseCycle) {
    set.next_response_warned_at = null;
    set.next_response_breached_at = null;
    warnedAt.next_response = null;
    breachedAt.next_response = null;
  }
  const events: SlaEventInsert[] = [];
  if (policy.id !== subject.sla_policy_id) {
    events.push({
      conversation_id: subject.id,
      type: 'sla_policy_applied',
      data: { policyId: policy.id, policyName: policy.name, previousPolicyId: subject.sla_policy_id },
      created_at: now,
    });
  }
  for (const { metric, dueAt } of schedule.lateMetrics) {
    // The target was met or ended after its due time, before the breach job could record it.
    set[breachedColumn[metric]] = dueAt;
    breachedAt[metric] = dueAt;
    events.push({
      conversation_id: subject.id,
      type: 'sla_breached',
      data: { metrics: [metric], dueAt: dueAt.toISOString(), policyId: policy.id, policyName: policy.name },
      created_at: now,
    });
  }
  await updateConversationSlaRow(tx, subject.id, set);
  await insertSlaEvents(tx, events);
  const payload = { conversationId: subject.id };
  await scheduleSlaJob(
    tx,
    slaWarningTask,
    slaWarningJobKey(subject.id),
    payload,
    schedule.nextWarningAt,
    now,
  );
  await scheduleSlaJob(tx, slaBreachTask, slaBreachJobKey(subject.id), payload, schedule.nextBreachAt, now);
  return { policy, schedule, warnedAt, breachedAt };
}

/**
 * Recomputes a conversation's SLA inside the caller's transaction, after the conversation row
 * changed (created, a message, a status, priority, team or tag change). The caller announces
 * the change; the summary it loads carries the new due times.
 */
export async function recomputeConversationSla(tx: Tx, conversationId: string, now: Date): Promise<boolean> {
  const subject = await findSlaSubject(tx, conversationId);
  if (!subject) return false;
  const applied = await applySla(tx, subject, now);
  const time = (value: Date | string | null | undefined) => (value ? new Date(value).getTime() : null);
  // Answers whether anything a client shows changed: the policy, or the earliest due or warning.
  return (
    (applied?.policy.id ?? null) !== subject.sla_policy_id ||
    time(applied?.schedule.dueAt) !== time(subject.sla_due_at) ||
    time(applied?.schedule.warningAt) !== time(subject.sla_warning_at)
  );
}

const raisedPriority: Record<Priority, Priority> = {
  low: 'normal',
  normal: 'high',
  high: 'urgent',
  urgent: 'urgent',
};

const metricNames: PerMetric<string> = {
  first_response: 'first response',
  next_response: 'next response',
  resolution: 'resolution',
};

/** Runs a policy's actions for one stage; every action becomes a timeline event. */
async function escalate(
  tx: Tx,
  subject: SlaSubjectRow,
  stage: 'warning' | 'breach',
  metrics: SlaMetric[],
  actions: SlaEscalation,
  now: Date,
): Promise<string[]> {
  const changed: string[] = [];
  const events: SlaEventInsert[] = [];
  const event = (data: Record<string, unknown>) =>
    events.push({
      conversation_id: subject.id,
      type: 'sla_escalated',
      data: { stage, ...data },
      created_at: now,
    });
  if (actions.notify) {
    const agentIds = await findEscalationRecipients(tx, {
      teamId: subject.team_id,
      assigneeId: subject.assignee_id,
    });
    const what = metrics.map((metric) => metricNames[metric]).join(', ');
    await notifyAgents(tx, {
      agentIds,
      kind: stage === 'warning' ? 'sla_warning' : 'sla_breach',
      conversationId: subject.id,
      actorId: null,
      text:
        stage === 'warning'
          ? `#${subject.reference} ${subject.subject}: the ${what} target is close`
          : `#${subject.reference} ${subject.subject}: the ${what} target was missed`,
    });
    event({ action: 'notify', agentIds });
  }
  const set: ConversationUpdate = {};
  if (actions.raisePriority && subject.priority !== 'urgent') {
    set.priority = raisedPriority[subject.priority];
    event({ action: 'raise_priority', from: subject.priority, to: set.priority });
    changed.push('priority');
  }
  if (actions.backupTeamId && actions.backupTeamId !== subject.team_id) {
    set.team_id = actions.backupTeamId;
    event({
      action: 'move_team',
      from: subject.team_id,
      to: actions.backupTeamId,
      teamName: await findTeamName(tx, actions.backupTeamId),
    });
    changed.push('teamId');
  }
  if (changed.length > 0) await updateConversationSlaRow(tx, subject.id, { ...set, updated_at: now });
  await insertSlaEvents(tx, events);
  return changed;
}

/**
 * What a warning or breach job does: re-reads the conversation as it is now and acts only on
 * what is really due. A job made stale by a reply or a status change finds nothing due and
 * ends; the recompute already put the right jobs in its place.
 */
export async function checkConversationSla(deps: Pick<Deps, 'db' | 'clock'>, conversationId: string) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    if (!(await lockConversationForSla(tx, conversationId))) return;
    const subject = await findSlaSubject(tx, conversationId);
    if (!subject) return;
    const applied = await applySla(tx, subject, now);
    if (!applied) return;
    const { policy, schedule, warnedAt, breachedAt } = applied;
    const breaching = slaMetrics.filter((metric) => {
      const due = schedule.due[metric];
      return due !== null && due <= now && breachedAt[metric] === null;
    });
    // A target breaching in the same run is not warned about separately (a late job).
    const warning = slaMetrics.filter((metric) => {
      const moment = schedule.warning[metric];
      return moment !== null && moment <= now && warnedAt[metric] === null && !breaching.includes(metric);
    });
    if (breaching.length === 0 && warning.length === 0) return;

    const stamp: ConversationUpdate = {};
    for (const metric of [...warning, ...breaching]) stamp[warnedColumn[metric]] = now;
    for (const metric of breaching) stamp[breachedColumn[metric]] = schedule.due[metric];
    await updateConversationSlaRow(tx, conversationId, stamp);

    const changed = new Set<string>(['sla']);
    for (const [stage, metrics] of [
      ['warning', warning],
      ['breach', breaching],
    ] as const) {
      if (metrics.length === 0) continue;
      const dueAt = metrics
        .map((metric) => schedule.due[metric]!)
        .sort((a, b) => a.getTime() - b.getTime())[0]!;
      await insertSlaEvents(tx, [
        {
          conversation_id: conversationId,
          type: stage === 'warning' ? 'sla_warning' : 'sla_breached',
          data: { metrics, dueAt: dueAt.toISOString(), policyId: policy.id, policyName: policy.name },
          created_at: now,
        },
      ]);
      const current = (await findSlaSubject(tx, conversationId))!;
      const actions = stage === 'warning' ? policy.onWarning : policy.onBreach;
      for (const field of await escalate(tx, current, stage, metrics, actions, now)) changed.add(field);
    }
    // A raised priority or a new team may bring another policy; the jobs follow what applies now.
    await applySla(tx, (await findSlaSubject(tx, conversationId))!, now);
    await publishChange(tx, { type: 'conversation.updated', conversationId, changes: [...changed] });
  });
}

const recountBatch = 200;

/** After the policies change: every conversation still counting is matched and scheduled again. */
export async function recountConversationSla(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  let after: string | null = null;
  let count = 0;
  for (;;) {
    const ids = await listCountingConversationIds(deps.db, after, recountBatch);
    for (const { id } of ids) {
      await deps.db.transaction().execute(async (tx) => {
        if (!(await lockConversationForSla(tx, id))) return;
        if (await recomputeConversationSla(tx, id, deps.clock.now())) {
          await publishChange(tx, { type: 'conversation.updated', conversationId: id, changes: ['sla'] });
        }
      });
    }
    count += ids.length;
    if (ids.length < recountBatch) return count;
    after = ids.at(-1)!.id;
  }
}

const jobPayload = z.object({ conversationId: z.uuid() });

/** graphile-worker tasks of the SLA module; the worker role runs them. */
export function slaTasks(deps: Pick<Deps, 'db' | 'clock'>): TaskList {
  const check = async (payload: unknown) => {
    await checkConversationSla(deps, jobPayload.parse(payload).conversationId);
  };
  return {
    [slaWarningTask]: check,
    [slaBreachTask]: check,
    [slaRecountTask]: async () => {
      await recountConversationSla(deps);
    },
  };
}
