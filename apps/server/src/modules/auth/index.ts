export { installAuthentication, sessionCookieName } from './auth.hook.ts';
export { deleteSessionsOfAgent, findAgentByEmail } from './auth.repository.ts';
export { registerAuthRoutes } from './auth.routes.ts';
export { hasRole, logIn, requireRole, resolveToken } from './auth.service.ts';
