import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../deps.ts';
import { registerEmailDetailRoutes } from './email-details.routes.ts';
import { registerMailboxRoutes } from './mailboxes.routes.ts';

export { type CustomerNotice, sendCustomerNotice } from './customer-notice.service.ts';
export { emailTasks } from './email.tasks.ts';
// The content-addressed file store, shared with the chat and web-form uploads.
export { blobPath, storeBlob } from './file-store.ts';
export { type MailRole, type MailRoleOptions, startMailRole } from './mail-role.ts';

/** The email channel's HTTP routes: mailboxes (admin) and the email details agents read. */
export function registerEmailRoutes(app: FastifyInstance, deps: Deps) {
  registerMailboxRoutes(app, deps);
  registerEmailDetailRoutes(app, deps);
}
