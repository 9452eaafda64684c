import type { EngineContext } from './EngineContext';

export interface DescribeLimitsOutput {
  AccountMaxReadCapacityUnits: number;
  AccountMaxWriteCapacityUnits: number;
  TableMaxReadCapacityUnits: number;
  TableMaxWriteCapacityUnits: number;
}

/** The default account quotas, as DynamoDB Local and a fresh AWS account report them. */
export function DescribeLimits(_context: EngineContext, _input: Record<string, never>): DescribeLimitsOutput {
  return {
    AccountMaxReadCapacityUnits: 80000,
    AccountMaxWriteCapacityUnits: 80000,
    TableMaxReadCapacityUnits: 40000,
    TableMaxWriteCapacityUnits: 40000,
  };
}
