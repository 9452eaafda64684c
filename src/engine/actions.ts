// The registry of actions: the engine's typed methods and `dispatch` both come from this
// list. Add an action by writing its file and appending one line here.
import { BatchGetItem } from './BatchGetItem';
import { BatchWriteItem } from './BatchWriteItem';
import { CreateTable } from './CreateTable';
import { DeleteItem } from './DeleteItem';
import { DeleteTable } from './DeleteTable';
import { DescribeTable } from './DescribeTable';
import { GetItem } from './GetItem';
import { ListTables } from './ListTables';
import { PutItem } from './PutItem';
import { Query } from './Query';
import { Scan } from './Scan';
import { UpdateItem } from './UpdateItem';
import { UpdateTable } from './UpdateTable';
// Transactions, PartiQL, TTL, tags and discovery (issue 6).
import { BatchExecuteStatement } from './BatchExecuteStatement';
import { DescribeEndpoints } from './DescribeEndpoints';
import { DescribeLimits } from './DescribeLimits';
import { ExecuteStatement } from './ExecuteStatement';
import { ExecuteTransaction } from './ExecuteTransaction';
import { ListTagsOfResource, TagResource, UntagResource } from './Tags';
import { DescribeTimeToLive, UpdateTimeToLive } from './TimeToLive';
import { TransactGetItems } from './TransactGetItems';
import { TransactWriteItems } from './TransactWriteItems';

export const actions = {
  CreateTable,
  DescribeTable,
  ListTables,
  DeleteTable,
  UpdateTable,
  PutItem,
  GetItem,
  UpdateItem,
  DeleteItem,
  Query,
  Scan,
  BatchGetItem,
  BatchWriteItem,
  TransactWriteItems,
  TransactGetItems,
  UpdateTimeToLive,
  DescribeTimeToLive,
  TagResource,
  UntagResource,
  ListTagsOfResource,
  DescribeLimits,
  DescribeEndpoints,
  ExecuteStatement,
  BatchExecuteStatement,
  ExecuteTransaction,
};
