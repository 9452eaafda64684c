import type { EngineContext } from './EngineContext';

export interface DescribeEndpointsOutput {
  Endpoints: { Address: string; CachePeriodInMinutes: number }[];
}

/**
 * The regional endpoint, as the AWS service answers (DynamoDB Local does not implement
 * DescribeEndpoints). Clients doing endpoint discovery cache it for a day.
 */
export function DescribeEndpoints(context: EngineContext, _input: Record<string, never>): DescribeEndpointsOutput {
  return { Endpoints: [{ Address: `dynamodb.${context.region}.amazonaws.com`, CachePeriodInMinutes: 1440 }] };
}
