export { demoCustomers } from './demo-customers.ts';
export { demoPassword, demoTeams } from './demo-data.ts';
export { type DemoSeedResult, demoConversations, seedDemoData } from './demo-seed.ts';
