// A table with the settings DynamoDB gives a new table when nothing else is asked for:
// on-demand, AWS-owned encryption, STANDARD class, no PITR, no deletion protection, no tags.
// Imports, migrations and tests start from it and spread in what they know.
import type { KeyAttribute, TableDesign } from './types';

export function tableDesign(name: string, partitionKey: KeyAttribute, sortKey?: KeyAttribute): TableDesign {
  return {
    name,
    partitionKey,
    ...(sortKey === undefined ? {} : { sortKey }),
    billing: { mode: 'PAY_PER_REQUEST' },
    deletionProtection: false,
    pointInTimeRecovery: false,
    encryption: { type: 'AWS_OWNED' },
    tableClass: 'STANDARD',
    tags: [],
  };
}
