import { AppError, conflict, forbidden, notFound, unprocessable } from '../../platform/errors.ts';
import type { TicketRefusal } from './line-rules.ts';

export const locationNotFound = () => notFound('walk_in.location_not_found', 'No such walk-in location');
export const serviceNotFound = () => notFound('walk_in.service_not_found', 'No such walk-in service');
export const deskNotFound = () => notFound('walk_in.desk_not_found', 'No such desk');
export const visitNotFound = () => notFound('walk_in.visit_not_found', 'No such visit');

export const invalidTimeZone = () =>
  unprocessable('walk_in.invalid_time_zone', 'Unknown time zone', 'Use an IANA name such as Europe/Vilnius');
export const invalidOpeningHours = (detail: string) =>
  unprocessable('walk_in.invalid_opening_hours', 'The opening hours are not valid', detail);
export const prefixTaken = () =>
  conflict('walk_in.prefix_taken', 'Another service of this location uses that ticket letter');
export const deskNameTaken = () =>
  conflict('walk_in.desk_name_taken', 'This location already has a desk of that name');
export const deskInUse = () =>
  conflict(
    'walk_in.desk_in_use',
    'Someone is signed in at this desk or a customer is called to it',
    'Remove the desk once it is free',
  );
export const unknownAgents = () =>
  unprocessable('walk_in.unknown_agents', 'Some of the agents do not exist', 'Check `agentIds`');

const refusalTitles: Record<TicketRefusal, string> = {
  closed: 'The location is closed now',
  after_last_ticket: 'No more tickets for this service today',
  capacity_reached: 'This service has given out all of today’s tickets',
};
export const ticketRefused = (reason: TicketRefusal) =>
  new AppError({ code: `walk_in.${reason}`, status: 409, title: refusalTitles[reason] });
export const serviceInactive = () =>
  new AppError({
    code: 'walk_in.service_inactive',
    status: 409,
    title: 'This service is not taking tickets',
  });
export const remoteJoinNotAllowed = () =>
  new AppError({
    code: 'walk_in.remote_join_not_allowed',
    status: 403,
    title: 'This location does not let people join the line remotely',
  });

export const notAtDesk = () =>
  conflict('walk_in.not_at_desk', 'Sign in to a desk first', 'POST /api/v1/walk-in/desks/:id/sign-in');
export const deskTaken = () => conflict('walk_in.desk_taken', 'Another agent is signed in at this desk');
export const mayNotServe = () =>
  new AppError({
    code: 'walk_in.may_not_serve',
    status: 403,
    title: 'You are not allowed to serve some of these services',
  });
export const deskBusy = () =>
  conflict('walk_in.desk_busy', 'Finish, transfer or mark a no-show for the current visit first');
export const illegalVisitAction = (status: string, action: string) =>
  conflict('walk_in.illegal_action', `A ${status} visit cannot be ${action}`);
export const graceNotOver = () =>
  conflict('walk_in.grace_not_over', 'The customer still has time to come to the desk');
export const readmitWindowOver = () =>
  conflict('walk_in.readmit_window_over', 'Too late to re-admit this visit; the customer takes a new ticket');
export const notServingVisit = () =>
  forbidden('walk_in.not_your_visit', 'Only the agent at the visit’s desk (or a supervisor) can do this');
export const customerMerged = () =>
  conflict('walk_in.customer_merged', 'This customer was merged into another; attach that one instead');
