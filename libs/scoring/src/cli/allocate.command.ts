import { allocate, allocationResultToJson, parseAllocationRequest } from '../allocate';
import { Command, UsageError } from './command';

export const ALLOCATE_USAGE = `usage: npm run --silent scoring -- allocate < request.json
Reads { "pool": fen, "policy": {...}, "projects": [...], "rankOrder"?: [ids best first] } on stdin,
prints { "rule", "pool", "total", "remainder", "allocations": [...], "unmetQuotas": [...] }.
Money is whole fen as JSON integers; scores and shares are decimal strings.
policy:
  rule               "greedy" | "greedy-no-skip" | "tiers" | "proportional" | "optimal"
  passScore          "60"      projects scoring below get nothing (below-threshold)
  minGrant, maxGrant fen       per-project minimum and maximum grant
  maxShareOfBudget   "0.6"     grant ≤ ⌊budget × share⌋ (projects then need "budget")
  unit               fen       proportional shares and partial grants are multiples of it (default 1)
  partial            { "minimum": fen }   greedy rules: the first misfit gets what is left if ≥ minimum
  tiers              { "by": "rank", "bands": [{ "from": 1, "to": 3, "amount": fen }] }
                     { "by": "score", "bands": [{ "minScore": "90", "amount": fen }] }
  maxProjects        n         at most n funded projects
  onePerOrganization true      at most one funded project per organization
  communityLimit     n         at most n funded projects per community
  quotas             [{ "category": "助老" | "*", "minCount", "maxCount", "minAmount", "maxAmount" }]
  costUnit           fen       optimal only: count costs in whole units (rounded up) to bound the search
projects: { "id", "score": "84.5", "requested": fen, "budget"?, "category"?, "organization"?, "community"? }`;

/** `allocate`: JSON request on stdin, JSON result on stdout; validation errors name the field. */
export const allocateCommand: Command = ({ args, stdin }) => {
  if (args.includes('--help') || args.includes('-h')) return { stdout: `${ALLOCATE_USAGE}\n`, exitCode: 0 };
  if (args.length > 0) throw new UsageError(`allocate takes no arguments, got ${args.join(' ')}\n${ALLOCATE_USAGE}`);
  const raw = stdin();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new UsageError(`stdin is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { input, policy } = parseAllocationRequest(parsed);
  const result = allocationResultToJson(allocate(input, policy));
  return { stdout: `${JSON.stringify(result, null, 2)}\n`, exitCode: 0 };
};
