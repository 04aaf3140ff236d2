export { registerCustomerRoutes } from './customers.routes.ts';
export {
  addFreeIdentities,
  createCustomer,
  getCustomer,
  resolveCustomer,
  resolveCustomerByIdentity,
  takeOverIdentities,
} from './customers.service.ts';
export { normaliseIdentity } from './identities.ts';
