import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../deps.ts';
import { registerAgentChatRoutes } from './agent-chat.routes.ts';
import { registerAgentChatStream } from './agent-chat.stream.ts';
import { createChatHub } from './chat-hub.ts';
import { registerPublicChatRoutes } from './public-chat.routes.ts';
import { installSiteCors } from './site-origin.ts';
import { registerUploadRoutes } from './uploads.routes.ts';
import { registerVisitorStream } from './visitor-stream.ts';
import { registerWidgetAsset } from './widget-asset.ts';

export { currentChatEta } from './chat-queue.service.ts';
export { withTwoConnections } from './connection-slots.ts';
export {
  customerEmailPayload,
  customerEmailTask,
  customerEmailTasks,
  queueCustomerEmail,
} from './customer-email.ts';
export { textsFor, toSupportedLanguage } from './customer-texts.ts';
export { currentWrittenEta, promiseWrittenResponse, type WrittenPromise } from './response-time.ts';
export { assertSiteOrigin } from './site-origin.ts';
export { linkUploads, storeUpload, takeWebFormUploads } from './uploads.service.ts';
export { composeBody } from './visitor-messages.service.ts';

/**
 * The live chat channel: the widget's public WebSocket and HTTP routes, the agents' chat routes
 * and stream, and this instance's chat hub (closed with the app).
 */
export function registerChatChannel(app: FastifyInstance, deps: Deps) {
  const hub = createChatHub(deps, app.log);
  app.addHook('onClose', async () => hub.close());
  installSiteCors(app, deps);
  registerVisitorStream(app, deps, hub);
  registerPublicChatRoutes(app, deps);
  registerUploadRoutes(app, deps);
  registerAgentChatRoutes(app, deps);
  registerAgentChatStream(app, deps, hub);
  registerWidgetAsset(app);
}
