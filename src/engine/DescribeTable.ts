import type { DescribeTableInput as SdkDescribeTableInput, DescribeTableOutput as SdkDescribeTableOutput } from '@aws-sdk/client-dynamodb';
import { checkTableName, findTable, type EngineContext } from './EngineContext';
import { describeTable } from './TableDescription';
import type { Wire } from './wire';

export type DescribeTableInput = Wire<SdkDescribeTableInput>;
export type DescribeTableOutput = Wire<SdkDescribeTableOutput>;

export function DescribeTable(context: EngineContext, input: DescribeTableInput): DescribeTableOutput {
  const table = findTable(context, checkTableName(input.TableName));
  return { Table: describeTable(context, table) };
}
