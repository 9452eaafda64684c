// A multi-tenant SaaS app: every tenant's data lives under TENANT# partitions so a tenant
// is one leading-key prefix (IAM's dynamodb:LeadingKeys can fence it), with an overloaded
// GSI for lookups across the key (user by email, tasks by status) and TTL on API keys and
// audit events.
import { MODEL_VERSION, type DesignModel } from '../types';
import { attribute, entity, ref, relationship } from './build';
import { saasPatterns } from './saas.patterns';

export function saasModel(): DesignModel {
  return {
    version: MODEL_VERSION,
    name: 'SaasApp',
    description: 'Tenants, users, projects, tasks, invoices, API keys and an audit trail.',
    table: {
      name: 'SaasApp',
      partitionKey: { name: 'PK', type: 'S' },
      sortKey: { name: 'SK', type: 'S' },
      billing: { mode: 'PAY_PER_REQUEST' },
      streamViewType: 'NEW_AND_OLD_IMAGES',
      ttlAttribute: 'expiresAt',
      deletionProtection: true,
      pointInTimeRecovery: true,
      encryption: { type: 'CUSTOMER_MANAGED', kmsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
      tableClass: 'STANDARD',
      tags: [
        { key: 'app', value: 'saas' },
        { key: 'data-classification', value: 'confidential' },
      ],
    },
    globalSecondaryIndexes: [
      {
        id: 'gsi-GSI1',
        name: 'GSI1',
        partitionKey: { name: 'GSI1PK', type: 'S' },
        sortKey: { name: 'GSI1SK', type: 'S' },
        projection: { type: 'ALL' },
      },
      {
        id: 'gsi-GSI2',
        name: 'GSI2',
        partitionKey: { name: 'GSI2PK', type: 'S' },
        sortKey: { name: 'GSI2SK', type: 'S' },
        projection: { type: 'KEYS_ONLY' },
      },
    ],
    localSecondaryIndexes: [],
    entities: [
      entity({
        id: 'ent-tenant',
        name: 'Tenant',
        description: 'A customer organisation; GSI2 lists tenants by plan.',
        keys: {
          partitionKey: 'TENANT#{{tenantId}}',
          sortKey: 'TENANT',
          indexes: { 'gsi-GSI2': { partitionKey: 'PLAN#{{plan}}', sortKey: 'TENANT#{{tenantId}}' } },
        },
        attributes: (id) => [
          attribute(id, 'tenantId', 'S', { kind: 'ulid' }),
          attribute(id, 'name', 'S', { kind: 'sentence', words: 2 }),
          attribute(id, 'plan', 'S', { kind: 'enum', values: ['FREE', 'TEAM', 'TEAM', 'ENTERPRISE'] }),
          attribute(id, 'seats', 'N', { kind: 'count', relationship: 'rel-user-tenant' }),
          attribute(id, 'createdAt', 'S', { kind: 'isoDate' }),
        ],
        sampleCount: 12,
      }),
      entity({
        id: 'ent-user',
        name: 'User',
        description: 'A member of a tenant; GSI1 finds a user by email at sign-in.',
        keys: {
          partitionKey: 'TENANT#{{tenantId}}',
          sortKey: 'USER#{{userId}}',
          indexes: { 'gsi-GSI1': { partitionKey: 'EMAIL#{{email}}', sortKey: 'TENANT#{{tenantId}}' } },
        },
        relationships: [relationship('rel-user-tenant', 'tenant', 'ent-tenant', 'many-to-one', { tenantId: 'tenantId' })],
        attributes: (id) => [
          attribute(id, 'tenantId', 'S', ref('rel-user-tenant', 'tenantId')),
          attribute(id, 'userId', 'S', { kind: 'uuid' }),
          attribute(id, 'email', 'S', { kind: 'email' }),
          attribute(id, 'name', 'S', { kind: 'personName' }),
          attribute(id, 'role', 'S', { kind: 'enum', values: ['OWNER', 'ADMIN', 'MEMBER', 'MEMBER', 'MEMBER'] }),
          attribute(id, 'lastLoginAt', 'S', { kind: 'isoDate' }, { required: false }),
        ],
        sampleCount: 90,
      }),
      entity({
        id: 'ent-project',
        name: 'Project',
        description: 'A project of a tenant.',
        keys: { partitionKey: 'TENANT#{{tenantId}}', sortKey: 'PROJECT#{{projectId}}' },
        relationships: [relationship('rel-project-tenant', 'tenant', 'ent-tenant', 'many-to-one', { tenantId: 'tenantId' })],
        attributes: (id) => [
          attribute(id, 'tenantId', 'S', ref('rel-project-tenant', 'tenantId')),
          attribute(id, 'projectId', 'S', { kind: 'ulid' }),
          attribute(id, 'name', 'S', { kind: 'sentence', words: 3 }),
          attribute(id, 'archived', 'BOOL', { kind: 'boolean' }),
          attribute(id, 'tasksCount', 'N', { kind: 'count', relationship: 'rel-task-project' }),
        ],
        sampleCount: 40,
      }),
      entity({
        id: 'ent-task',
        name: 'Task',
        description: "A task in its project's own partition; GSI1 lists a tenant's tasks by status and due date.",
        keys: {
          partitionKey: 'TENANT#{{tenantId}}#PROJECT#{{projectId}}',
          sortKey: 'TASK#{{taskId}}',
          indexes: { 'gsi-GSI1': { partitionKey: 'TENANT#{{tenantId}}#STATUS#{{status}}', sortKey: '{{dueDate}}#{{taskId}}' } },
        },
        relationships: [
          relationship('rel-task-project', 'project', 'ent-project', 'many-to-one', { tenantId: 'tenantId', projectId: 'projectId' }),
        ],
        attributes: (id) => [
          attribute(id, 'tenantId', 'S', ref('rel-task-project', 'tenantId')),
          attribute(id, 'projectId', 'S', ref('rel-task-project', 'projectId')),
          attribute(id, 'taskId', 'S', { kind: 'ulid' }),
          attribute(id, 'title', 'S', { kind: 'sentence', words: 5 }),
          attribute(id, 'status', 'S', { kind: 'enum', values: ['TODO', 'IN_PROGRESS', 'DONE'] }),
          attribute(id, 'assignee', 'S', { kind: 'personName' }, { required: false }),
          attribute(id, 'dueDate', 'S', { kind: 'isoDate', from: '2025-01-01T00:00:00Z', to: '2025-12-31T00:00:00Z' }),
          attribute(id, 'labels', 'SS', { kind: 'set', of: { kind: 'enum', values: ['bug', 'feature', 'chore', 'urgent'] }, min: 1, max: 2 }, { required: false }),
        ],
        sampleCount: 400,
      }),
      entity({
        id: 'ent-invoice',
        name: 'Invoice',
        description: "A monthly invoice in the tenant's collection.",
        keys: { partitionKey: 'TENANT#{{tenantId}}', sortKey: 'INVOICE#{{month}}#{{invoiceId}}' },
        relationships: [relationship('rel-invoice-tenant', 'tenant', 'ent-tenant', 'many-to-one', { tenantId: 'tenantId' })],
        attributes: (id) => [
          attribute(id, 'tenantId', 'S', ref('rel-invoice-tenant', 'tenantId')),
          attribute(id, 'invoiceId', 'S', { kind: 'uuid' }),
          attribute(id, 'month', 'S', { kind: 'enum', values: ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'] }),
          attribute(id, 'amount', 'N', { kind: 'decimal', min: 0, max: 5000, scale: 2 }),
          attribute(id, 'paid', 'BOOL', { kind: 'boolean' }),
          attribute(id, 'lines', 'L', {
            kind: 'list',
            of: { kind: 'map', fields: [
              { name: 'description', type: 'S', generator: { kind: 'sentence', words: 3 } },
              { name: 'amount', type: 'N', generator: { kind: 'decimal', min: 1, max: 500, scale: 2 } },
            ] },
            min: 1,
            max: 3,
          }),
        ],
        sampleCount: 72,
      }),
      entity({
        id: 'ent-apiKey',
        name: 'ApiKey',
        description: 'An API key, stored by its hash so a request resolves its tenant in one GetItem; it expires by TTL.',
        keys: { partitionKey: 'APIKEY#{{keyHash}}', sortKey: 'APIKEY' },
        relationships: [relationship('rel-apiKey-tenant', 'tenant', 'ent-tenant', 'many-to-one', { tenantId: 'tenantId' })],
        attributes: (id) => [
          attribute(id, 'keyHash', 'S', { kind: 'uuid' }),
          attribute(id, 'tenantId', 'S', ref('rel-apiKey-tenant', 'tenantId')),
          attribute(id, 'scopes', 'SS', { kind: 'set', of: { kind: 'enum', values: ['read', 'write', 'admin'] }, min: 1, max: 3 }),
          attribute(id, 'expiresAt', 'N', { kind: 'epochSeconds' }),
        ],
        sampleCount: 24,
      }),
      entity({
        id: 'ent-auditEvent',
        name: 'AuditEvent',
        description: "What a user did, newest last in the tenant's audit partition; expires by TTL.",
        keys: { partitionKey: 'TENANT#{{tenantId}}#AUDIT', sortKey: '{{occurredAt}}#{{eventId}}' },
        relationships: [relationship('rel-auditEvent-user', 'actor', 'ent-user', 'many-to-one', { tenantId: 'tenantId', userId: 'userId' })],
        attributes: (id) => [
          attribute(id, 'tenantId', 'S', ref('rel-auditEvent-user', 'tenantId')),
          attribute(id, 'userId', 'S', ref('rel-auditEvent-user', 'userId')),
          attribute(id, 'eventId', 'S', { kind: 'ulid' }),
          attribute(id, 'action', 'S', { kind: 'enum', values: ['LOGIN', 'CREATE_PROJECT', 'UPDATE_TASK', 'INVITE_USER', 'EXPORT'] }),
          attribute(id, 'occurredAt', 'S', { kind: 'isoDate' }),
          attribute(id, 'expiresAt', 'N', { kind: 'epochSeconds' }),
        ],
        sampleCount: 500,
      }),
    ],
    accessPatterns: saasPatterns,
    sampleSeed: 42,
  };
}
