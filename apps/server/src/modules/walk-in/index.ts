import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { createBoardHub } from './board-hub.ts';
import { registerDeskRoutes } from './desk.routes.ts';
import { registerPublicWalkInRoutes } from './public.routes.ts';
import { registerPublicPages } from './public-pages.ts';
import { registerSetupRoutes } from './setup.routes.ts';

export { estimateLineWait, type LineState, type LineWait } from './line-eta.ts';
export { walkInCrontab, walkInTasks } from './notification.tasks.ts';

const registeredApps = new WeakSet<FastifyInstance>();

/**
 * The walk-in service: admin setup of locations, services and desks; tickets and the desk
 * console's actions; the public board, its live stream and the tracking page's API; the kiosk,
 * display and tracking pages (apps/public's build). Registering
 * twice on one app is a no-op, so tests may register it on an app whose `app.ts` already does.
 */
export function registerWalkIn(app: FastifyInstance, deps: Deps) {
  if (registeredApps.has(app)) return;
  registeredApps.add(app);
  const hub = createBoardHub(deps, app.log);
  app.addHook('onClose', async () => hub.close());
  registerSetupRoutes(app, deps);
  registerDeskRoutes(app, deps);
  registerPublicWalkInRoutes(app, deps, hub);
  registerPublicPages(app);
}
