export { registerSettingsRoutes } from './settings.routes.ts';
export { getSettings } from './settings.service.ts';
