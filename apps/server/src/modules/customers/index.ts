export { registerCustomerRoutes } from './customers.routes.ts';
export {
  addFreeIdentities,
  createCustomer,
  getCustomer,
  mergeCustomerInto,
  resolveCustomer,
  resolveCustomerByIdentity,
} from './customers.service.ts';
export { normaliseIdentity } from './identities.ts';
