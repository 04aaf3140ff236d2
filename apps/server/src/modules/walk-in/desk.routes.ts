import {
  attachVisitCustomerBody,
  bookAppointmentBody,
  conversationSummarySchema,
  deskSignInBody,
  deskStateSchema,
  finishVisitBody,
  idParams,
  lineSchema,
  myDeskSchema,
  problemSchema,
  takeTicketBody,
  ticketSchema,
  transferVisitBody,
  visitFollowUpBody,
  walkInVisitSchema,
} from '@frontline/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireRole } from '../auth/index.ts';
import { bookAppointment } from './appointments.service.ts';
import {
  callNext,
  finishVisit,
  getDeskState,
  getMyDesk,
  markNoShow,
  readmitVisit,
  recallVisit,
  signInAtDesk,
  signOutOfDesk,
  startVisit,
  transferVisit,
} from './desk.service.ts';
import { listWaitingLine } from './line.service.ts';
import { getLocation } from './setup.service.ts';
import { attachVisitCustomer, openVisitFollowUp } from './visit-customer.service.ts';
import { takeTicket } from './visits.service.ts';

const tags = ['walk-in desk'];
const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

/** The desk console's calls; every agent may work a desk for the services they may serve. */
export function registerDeskRoutes(app: FastifyInstance, deps: Pick<Deps, 'db' | 'clock' | 'config'>) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/walk-in/my-desk',
    {
      schema: {
        tags,
        summary: 'The desk the caller is signed in at, if any',
        response: { 200: myDeskSchema, 401: problemSchema },
      },
    },
    async (request) => getMyDesk(deps, requireRole(request.principal, 'agent')),
  );

  routes.get(
    '/api/v1/walk-in/locations/:id/line',
    {
      schema: {
        tags,
        summary: 'Who is waiting, in calling order',
        params: idParams,
        response: { 200: lineSchema, ...errors },
      },
    },
    async (request) => {
      requireRole(request.principal, 'agent');
      return listWaitingLine(deps.db, await getLocation(deps.db, request.params.id), deps.clock.now());
    },
  );

  routes.post(
    '/api/v1/walk-in/locations/:id/visits',
    {
      schema: {
        tags,
        summary: 'Give a ticket at the desk (for a known customer, or a priority customer)',
        params: idParams,
        body: takeTicketBody,
        response: { 201: ticketSchema, ...errors, 422: problemSchema },
      },
    },
    async (request, reply) => {
      requireRole(request.principal, 'agent');
      return reply.status(201).send(await takeTicket(deps, request.params.id, request.body, 'desk'));
    },
  );

  routes.post(
    '/api/v1/walk-in/locations/:id/appointments',
    {
      schema: {
        tags,
        summary: 'Book an appointment: the visit goes first in its line when its time comes',
        params: idParams,
        body: bookAppointmentBody,
        response: { 201: ticketSchema, ...errors, 422: problemSchema },
      },
    },
    async (request, reply) => {
      requireRole(request.principal, 'agent');
      return reply.status(201).send(await bookAppointment(deps, request.params.id, request.body));
    },
  );

  routes.get(
    '/api/v1/walk-in/desks/:id',
    {
      schema: {
        tags,
        summary: 'A desk: who works it, for which services, and its current visit',
        params: idParams,
        response: { 200: deskStateSchema, ...errors },
      },
    },
    async (request) => {
      requireRole(request.principal, 'agent');
      return getDeskState(deps.db, request.params.id);
    },
  );

  const deskAction = (path: string, summary: string, act: typeof callNext) =>
    routes.post(
      `/api/v1/walk-in/desks/:id/${path}`,
      { schema: { tags, summary, params: idParams, response: { 200: deskStateSchema, ...errors } } },
      async (request) => act(deps, requireRole(request.principal, 'agent'), request.params.id),
    );
  deskAction(
    'call-next',
    'Call the next visit this desk serves (FIFO per service, priority boost, appointments due)',
    callNext,
  );
  deskAction('sign-out', 'Leave the desk', signOutOfDesk);

  routes.post(
    '/api/v1/walk-in/desks/:id/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in at a desk for the services you serve',
        params: idParams,
        body: deskSignInBody,
        response: { 200: deskStateSchema, ...errors },
      },
    },
    async (request) =>
      signInAtDesk(deps, requireRole(request.principal, 'agent'), request.params.id, request.body.serviceIds),
  );

  const visitAction = (path: string, summary: string, act: typeof recallVisit) =>
    routes.post(
      `/api/v1/walk-in/visits/:id/${path}`,
      { schema: { tags, summary, params: idParams, response: { 200: walkInVisitSchema, ...errors } } },
      async (request) => act(deps, requireRole(request.principal, 'agent'), request.params.id),
    );
  visitAction('recall', 'Call the visit again (it shows and sounds on the display again)', recallVisit);
  visitAction(
    'no-show',
    'Mark a called visit that did not come as a no-show, after the grace period',
    markNoShow,
  );
  visitAction('readmit', 'Put a late no-show back in the line, within the re-admission window', readmitVisit);
  visitAction('start', 'The customer is at the desk: start serving', startVisit);

  routes.post(
    '/api/v1/walk-in/visits/:id/finish',
    {
      schema: {
        tags,
        summary: 'Finish with an outcome and a note',
        params: idParams,
        body: finishVisitBody,
        response: { 200: walkInVisitSchema, ...errors },
      },
    },
    async (request) =>
      finishVisit(deps, requireRole(request.principal, 'agent'), request.params.id, request.body),
  );

  routes.post(
    '/api/v1/walk-in/visits/:id/transfer',
    {
      schema: {
        tags,
        summary: 'Send the visit to another service and/or desk; it keeps its place by arrival',
        params: idParams,
        body: transferVisitBody,
        response: { 200: walkInVisitSchema, ...errors },
      },
    },
    async (request) =>
      transferVisit(deps, requireRole(request.principal, 'agent'), request.params.id, request.body),
  );

  routes.post(
    '/api/v1/walk-in/visits/:id/customer',
    {
      schema: {
        tags,
        summary: 'Say who the visitor is: the visit moves to that customer’s history',
        description:
          'For the agent at the visit’s desk, or a supervisor. The phone or email the visitor left for notifications is added to the customer’s identities where no other customer has it.',
        params: idParams,
        body: attachVisitCustomerBody,
        response: { 200: walkInVisitSchema, ...errors },
      },
    },
    async (request) =>
      attachVisitCustomer(deps, requireRole(request.principal, 'agent'), request.params.id, request.body),
  );

  routes.post(
    '/api/v1/walk-in/visits/:id/follow-up',
    {
      schema: {
        tags,
        summary: 'Open a follow-up conversation for the visit’s customer, with a first internal note',
        description:
          'The new conversation is linked to the visit’s (`followUpOfId`) and assigned to the caller.',
        params: idParams,
        body: visitFollowUpBody,
        response: { 201: conversationSummarySchema, ...errors },
      },
    },
    async (request, reply) => {
      const followUp = await openVisitFollowUp(
        deps,
        requireRole(request.principal, 'agent'),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(followUp);
    },
  );
}
