import type { AccessPattern } from '../types';

// The multi-tenant SaaS access patterns: everything is scoped by tenant; API keys resolve in
// one GetItem; GSI1 serves sign-in by email and a tenant's tasks by status and due date.
export const saasPatterns: AccessPattern[] = [
  {
    id: 'ap-saas-resolveApiKey',
    name: 'Resolve an API key',
    description: 'Every API request: the key hash to its tenant and scopes.',
    operation: 'GetItem',
    entity: 'ent-apiKey',
    parameters: [{ name: 'keyHash', type: 'S' }],
    request: { Key: { PK: { S: 'APIKEY#{{keyHash}}' }, SK: { S: 'APIKEY' } }, ProjectionExpression: 'tenantId, scopes, expiresAt' },
  },
  {
    id: 'ap-saas-userByEmail',
    name: 'Find a user by email',
    operation: 'Query',
    index: 'gsi-GSI1',
    entity: 'ent-user',
    parameters: [{ name: 'email', type: 'S' }],
    request: {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': { S: 'EMAIL#{{email}}' } },
    },
  },
  {
    id: 'ap-saas-tenantUsers',
    name: "A tenant's users",
    operation: 'Query',
    entity: 'ent-user',
    parameters: [{ name: 'tenantId', type: 'S' }],
    request: {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': { S: 'TENANT#{{tenantId}}' }, ':sk': { S: 'USER#' } },
    },
  },
  {
    id: 'ap-saas-tenantProjects',
    name: "A tenant's active projects",
    operation: 'Query',
    entity: 'ent-project',
    parameters: [{ name: 'tenantId', type: 'S' }],
    request: {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      FilterExpression: 'archived = :no',
      ExpressionAttributeValues: { ':pk': { S: 'TENANT#{{tenantId}}' }, ':sk': { S: 'PROJECT#' }, ':no': { BOOL: false } },
    },
  },
  {
    id: 'ap-saas-projectTasks',
    name: "A project's tasks",
    operation: 'Query',
    entity: 'ent-task',
    parameters: [
      { name: 'tenantId', type: 'S' },
      { name: 'projectId', type: 'S' },
    ],
    request: {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': { S: 'TENANT#{{tenantId}}#PROJECT#{{projectId}}' } },
      Limit: 25,
    },
  },
  {
    id: 'ap-saas-tasksByStatusDue',
    name: "A tenant's tasks with a status, by due date",
    operation: 'Query',
    index: 'gsi-GSI1',
    entity: 'ent-task',
    parameters: [
      { name: 'tenantId', type: 'S' },
      { name: 'status', type: 'S' },
      { name: 'dueBefore', type: 'S', example: '2025-12-31' },
    ],
    request: {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK < :due',
      ExpressionAttributeValues: { ':pk': { S: 'TENANT#{{tenantId}}#STATUS#{{status}}' }, ':due': { S: '{{dueBefore}}' } },
    },
  },
  {
    id: 'ap-saas-invoicesForMonth',
    name: "A tenant's invoices for a month",
    operation: 'Query',
    entity: 'ent-invoice',
    parameters: [
      { name: 'tenantId', type: 'S' },
      { name: 'month', type: 'S' },
    ],
    request: {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': { S: 'TENANT#{{tenantId}}' }, ':sk': { S: 'INVOICE#{{month}}#' } },
    },
  },
  {
    id: 'ap-saas-auditTrail',
    name: "A tenant's recent audit events",
    operation: 'Query',
    entity: 'ent-auditEvent',
    parameters: [{ name: 'tenantId', type: 'S' }],
    request: {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': { S: 'TENANT#{{tenantId}}#AUDIT' } },
      ScanIndexForward: false,
      Limit: 20,
    },
  },
  {
    id: 'ap-saas-createProject',
    name: 'Create a project',
    description: 'Fails instead of overwriting when the id is taken.',
    operation: 'PutItem',
    entity: 'ent-project',
    parameters: [
      { name: 'tenantId', type: 'S' },
      { name: 'projectId', type: 'S', example: '01JPROJECTNEW00000000000000' },
      { name: 'name', type: 'S', example: 'Launch plan' },
    ],
    request: {
      Item: {
        PK: { S: 'TENANT#{{tenantId}}' },
        SK: { S: 'PROJECT#{{projectId}}' },
        tenantId: { S: '{{tenantId}}' },
        projectId: { S: '{{projectId}}' },
        name: { S: '{{name}}' },
        archived: { BOOL: false },
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  },
  {
    id: 'ap-saas-tenantByPlan',
    name: 'Tenants on a plan (PartiQL)',
    operation: 'ExecuteStatement',
    entity: 'ent-tenant',
    parameters: [{ name: 'tenantId', type: 'S' }],
    request: {
      Statement: 'SELECT * FROM "{{table}}" WHERE PK = ? AND SK = ?',
      Parameters: [{ S: 'TENANT#{{tenantId}}' }, { S: 'TENANT' }],
    },
  },
];
