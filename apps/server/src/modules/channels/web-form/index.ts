export { registerWebFormRoutes } from './web-form.routes.ts';
