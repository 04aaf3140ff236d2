export { closeSolvedConversations, conversationCrontab, conversationTasks } from './auto-close.ts';
export { canSeeConversation, type Viewer } from './conversation-access.ts';
export { mergeConversations, updateConversation } from './conversation-changes.service.ts';
export { agentUploadUrl } from './conversations.dto.ts';
export { registerConversationRoutes } from './conversations.routes.ts';
export {
  assertConversationVisible,
  createConversation,
  getConversation,
  listConversations,
  loadViewer,
} from './conversations.service.ts';
export { addCustomerMessage, postAgentMessage } from './messages.service.ts';
export { registerStream } from './stream.ts';
export { authenticateStream } from './stream-auth.ts';
