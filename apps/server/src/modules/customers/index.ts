export { registerCustomerRoutes } from './customers.routes.ts';
export {
  createCustomer,
  getCustomer,
  resolveCustomer,
  resolveCustomerByIdentity,
} from './customers.service.ts';
export { normaliseIdentity } from './identities.ts';
