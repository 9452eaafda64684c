// The documented ways DynamoDB Local differs from the AWS service where the engine follows
// AWS (source: "DynamoDB local usage notes", Differences between downloadable DynamoDB and
// the web service). The differential suite reconciles exactly these and nothing else, so an
// unlisted difference always fails a test.

export interface LocalDifference {
  readonly id: string;
  /** What DynamoDB Local does, and what the service does instead. */
  readonly local: string;
  readonly service: string;
  /** Why the engine follows the service. */
  readonly reason: string;
  /**
   * Rewrites the engine's answer into what DynamoDB Local would have said, so the rest of the
   * answer can still be compared. Returns the input unchanged when the difference is absent.
   */
  readonly reconcile?: (engine: unknown, local: unknown) => unknown;
}

export const DOCUMENTATION = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DynamoDBLocal.UsageNotes.html';

function mapJson(value: unknown, visit: (key: string, value: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((element) => mapJson(element, visit));
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array || value instanceof Date) return value;
  // fromEntries defines members, so an attribute named __proto__ stays a member.
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, element]) => {
      const mapped = visit(key, element);
      return mapped === undefined ? [] : [[key, mapJson(mapped, visit)]];
    }),
  );
}

export const LOCAL_DIFFERENCES: readonly LocalDifference[] = [
  {
    id: 'item-collection-metrics',
    local: 'Never returns ItemCollectionMetrics ("item collection metrics are not tracked; nulls are returned").',
    service: 'Returns ItemCollectionMetrics (ItemCollectionKey, SizeEstimateRangeGB) for writes to tables with local secondary indexes when ReturnItemCollectionMetrics is SIZE.',
    reason: 'Designers size item collections against the 10 GB LSI limit; the metric must be there as in production.',
    reconcile: (engine, local) => {
      const localHas = JSON.stringify(local ?? null).includes('"ItemCollectionMetrics"');
      return localHas ? engine : mapJson(engine, (key, value) => (key === 'ItemCollectionMetrics' ? undefined : value));
    },
  },
  {
    id: 'regions',
    local: 'Does not support Regions or accounts: every ARN reads arn:aws:dynamodb:ddblocal:000000000000:….',
    service: "ARNs carry the client's Region and account.",
    reason: 'Exports and the connect screen show ARNs exactly as they will exist in AWS.',
    reconcile: (engine) =>
      mapJson(engine, (key, value) =>
        (key === 'TableArn' || key === 'IndexArn' || key === 'LatestStreamArn') && typeof value === 'string'
          ? value.replace(/^arn:aws:dynamodb:[^:]+:[^:]+:/, 'arn:aws:dynamodb:ddblocal:000000000000:')
          : value,
      ),
  },
  {
    id: 'tagging',
    local: 'Answers TagResource, UntagResource and ListTagsOfResource with UnknownOperationException ("Tagging is not currently supported in DynamoDB Local.").',
    service: 'Tags tables as documented.',
    reason: 'Designs export tags to CDK and CloudFormation; the engine keeps them (src/engine/Tags.ts).',
  },
  {
    id: 'describe-endpoints',
    local: 'Has no DescribeEndpoints (UnknownOperationException).',
    service: 'Answers dynamodb.<region>.amazonaws.com with a 1440-minute cache period.',
    reason: 'SDKs with endpoint discovery call it; the engine answers as AWS does.',
  },
  {
    id: 'transaction-capacity',
    local:
      "Charges TransactGetItems 2 units per item whatever its size, drops a ConditionCheck's units when the same transaction also writes, and reports TransactWriteItems per table as if only its last write happened (three small writes to one table: 2 units).",
    service: "Charges each transactional read 2 × the item's strongly consistent read units and each transactional write 2 × its write units (the documented rule).",
    reason: 'Capacity estimates must match the bill. Differential tests avoid those two shapes.',
  },
  {
    id: 'delete-missing-item-capacity',
    local: 'Answers a DeleteItem of an item that does not exist with ConsumedCapacity (1 unit) even when ReturnConsumedCapacity is NONE or absent.',
    service: 'Returns ConsumedCapacity only when ReturnConsumedCapacity is TOTAL or INDEXES. Source: DeleteItem API reference, ConsumedCapacity.',
    reason: 'Code written against the engine must see the documented response shape. Not in the usage notes: found by probing; differential tests and the property suite ask for capacity on DeleteItem.',
  },
  {
    id: 'update-index-key-type',
    local: 'UpdateItem accepts setting a secondary index key attribute to a value of the wrong type (the item silently leaves the index); PutItem rejects it.',
    service: 'Rejects the update: "One or more parameter values were invalid: Type mismatch for Index Key …".',
    reason: 'A silently unindexed item hides a broken access pattern; the engine rejects it as the service does. Not in the usage notes: found by differential testing.',
  },
  {
    id: 'attribute-updates-default-action',
    local: 'Ignores an AttributeUpdates entry that has no Action.',
    service: 'Documents PUT as the default Action.',
    reason: 'Legacy UpdateItem calls written against the service must behave the same (src/engine/expressions/LegacyParameters.ts).',
  },
  {
    id: 'index-backfilling-phase',
    local: 'Reports a GSI added by UpdateTable as CREATING with Backfilling false for its whole build, and refuses to delete it meanwhile ("Index is being created.").',
    service: 'Reports Backfilling true while it populates the index from the table, and lets that build be cancelled by deleting the index (only while Backfilling is false is the delete refused). Source: GlobalSecondaryIndexDescription, Backfilling.',
    reason: 'The engine models both phases on its clock (src/engine/IndexStatus.ts: not backfilling for 0.5 s, backfilling until 1 s); differential tests act within the first phase, where both agree.',
  },
  {
    id: 'index-backfilling-reads',
    local: 'Fails a Query on an index that is CREATING or DELETING with InternalFailure (HTTP 500), and answers a Scan of a CREATING index with its items.',
    service: 'Refuses reads of an index that is not ACTIVE yet: ValidationException "Cannot read from backfilling global secondary index: <name>"; a deleted index no longer exists for reads.',
    reason: 'Access patterns run against a new index must fail as they would in AWS until the index is ACTIVE; clients poll DescribeTable first. Not in the usage notes: found by probing Local 3.3.',
  },
  {
    id: 'partial-index-key-write-capacity',
    local:
      'Charges one index write unit when an item that is in neither image of a GSI swaps which of its index key attributes it has (old image with only the index sort key, new with only the partition key, or the reverse).',
    service: 'Charges an index only for writes that put, change or remove an index entry; an item missing an index key attribute is not in that (sparse) index. Source: "Provisioned throughput considerations for global secondary indexes", writes.',
    reason: 'Sparse indexes are a core single-table technique and their cost must match the bill. Not in the usage notes: found by differential testing (finding C31); differential tests avoid the shape.',
  },
  {
    id: 'index-read-capacity',
    local: 'Charges a Query or Scan of a KEYS_ONLY or INCLUDE index by the size of the whole table item behind each entry.',
    service:
      'Charges it by the size of the index entries read (the projected attributes); an LSI read that fetches unprojected attributes is charged for the table items as well. Source: "Global secondary indexes", Read capacity units ("the sum of all projected attribute sizes across all of the items returned").',
    reason: 'Choosing KEYS_ONLY or INCLUDE to cut read cost is a design decision the preview must price as AWS bills it. Not in the usage notes: found by differential testing (finding C29); differential tests and the property suite read such indexes without ReturnConsumedCapacity.',
  },
  {
    id: 'index-scan-filter-unprojected',
    local:
      'A Scan of a KEYS_ONLY or INCLUDE index evaluates its FilterExpression on the whole table item, attributes the index does not project included, and charges an LSI Scan only for the index read.',
    service:
      'A GSI holds only its projected attributes, so a filter sees nothing else there; an LSI fetches unprojected attributes from the table and charges that fetch. Source: "Local secondary indexes", attribute projections ("fetches … from the base table"), and "Global secondary indexes", projections.',
    reason: 'An access pattern that filters a GSI on an attribute it does not project silently matches nothing in AWS; the designer must show that. Not in the usage notes: found by the property suite; it filters index Scans on projected attributes only.',
  },
  {
    id: 'deep-value-nesting',
    local: 'Answers an attribute value nested thousands of levels deep with InternalFailure (HTTP 500); up to some hundreds of levels it refuses it with the nesting ValidationException.',
    service:
      'Refuses any value nested deeper than 32 levels with ValidationException "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit". Source: "Service, account, and table quotas in Amazon DynamoDB", Attributes, nested attribute depth ("up to 32 levels deep").',
    reason: 'However deep the input, the answer must be the documented error, never a failure of the server. Not in the usage notes: found by probing Local 3.3; differential tests compare depths up to 40 and the engine alone answers deeper ones (Limits.diff.test.ts).',
  },
  {
    id: 'non-utf8-bytes',
    local: 'Refuses most request bodies that are not UTF-8 (InternalFailure, HTTP 500), but reads an overlong form as its character (C0 AF as "/") and accepts an encoded surrogate (ED A0 80) and a code point above U+10FFFF (F4 90 80 80).',
    service:
      'Takes text as UTF-8 only; overlong forms and encoded surrogates are not UTF-8. Source: "Supported data types and naming rules in Amazon DynamoDB", String ("Unicode with UTF-8 binary encoding"), and RFC 3629, section 3.',
    reason: 'Two different byte strings must never become one key. tablesmith serve refuses every body that is not UTF-8 with the same InternalFailure Local gives most of them (src/server/RequestDecoding.diff.test.ts).',
  },
];
