export { notificationCrontab, notificationTasks } from './notifications.retention.ts';
export { registerNotificationRoutes } from './notifications.routes.ts';
export { type NotifyAgentsInput, notifyAgents } from './notifications.service.ts';
export {
  listenForNotificationSignals,
  type NotificationSignal,
} from './notifications.signals.ts';
