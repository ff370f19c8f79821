import { contractViolations } from './openapi-contract';

// Runs after every test file of the tiers that start the app: a response that broke the OpenAPI
// document fails the file, naming the route, the status and what did not match.
afterAll(() => {
  const violations = contractViolations();
  if (violations.length > 0) {
    throw new Error(`responses that break the OpenAPI document (/api/openapi.json):\n  ${violations.join('\n  ')}`);
  }
});
