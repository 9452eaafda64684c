// What one partition of a table or global secondary index serves per second, whatever the
// table's capacity: traffic above it is throttled (KeyRangeThroughputExceeded) even when the
// table has capacity to spare. Source: Amazon DynamoDB Developer Guide, "Understanding DynamoDB
// warm throughput in different scenarios" and "Key range throughput exceeded (hot partitions)":
// each partition is limited to 3,000 read units and 1,000 write units per second.
export const PARTITION_READ_UNITS_PER_SECOND = 3000;
export const PARTITION_WRITE_UNITS_PER_SECOND = 1000;
