// The JSON Schema of a saved design (the current version) and its validator. The schema
// checks shape only; meaning (placeholders, limits across indexes, collisions) is checked
// by validateModel, which can assume this shape.
import Ajv, { type ErrorObject } from 'ajv';
import { MODEL_VERSION, type DesignModel, type ModelIssue } from './types';

const keyType = { enum: ['S', 'N', 'B'] } as const;
const attributeType = { enum: ['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS'] } as const;
const nonEmptyString = { type: 'string', minLength: 1 } as const;
const id = nonEmptyString;

const keyAttribute = {
  type: 'object',
  required: ['name', 'type'],
  additionalProperties: false,
  properties: { name: nonEmptyString, type: keyType },
} as const;

const autoScaling = {
  type: 'object',
  required: ['minCapacity', 'maxCapacity', 'targetUtilization', 'scaleInCooldownSeconds', 'scaleOutCooldownSeconds'],
  additionalProperties: false,
  properties: {
    minCapacity: { type: 'integer', minimum: 1 },
    maxCapacity: { type: 'integer', minimum: 1 },
    targetUtilization: { type: 'number', minimum: 20, maximum: 90 },
    scaleInCooldownSeconds: { type: 'integer', minimum: 0 },
    scaleOutCooldownSeconds: { type: 'integer', minimum: 0 },
  },
} as const;

const throughputSetting = {
  type: 'object',
  required: ['units'],
  additionalProperties: false,
  properties: { units: { type: 'integer', minimum: 1 }, autoScaling },
} as const;

const readWrite = {
  type: 'object',
  required: ['read', 'write'],
  additionalProperties: false,
  properties: { read: throughputSetting, write: throughputSetting },
} as const;

const projection = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: { enum: ['ALL', 'KEYS_ONLY', 'INCLUDE'] },
    nonKeyAttributes: { type: 'array', items: nonEmptyString },
  },
} as const;

const generatorKinds = {
  uuid: {},
  ulid: {},
  email: {},
  personName: {},
  username: {},
  isoDate: { from: { type: 'string' }, to: { type: 'string' } },
  epochSeconds: { from: { type: 'string' }, to: { type: 'string' } },
  integer: { min: { type: 'number' }, max: { type: 'number' } },
  decimal: { min: { type: 'number' }, max: { type: 'number' }, scale: { type: 'integer', minimum: 0, maximum: 38 } },
  enum: { values: { type: 'array', items: { type: 'string' }, minItems: 1 } },
  sentence: { words: { type: 'integer', minimum: 1, maximum: 200 } },
  url: {},
  boolean: {},
  constant: { value: { type: 'string' } },
  copy: { attribute: nonEmptyString },
  reference: { relationship: nonEmptyString, attribute: nonEmptyString },
  count: { relationship: nonEmptyString },
  list: { of: { $ref: '#/definitions/generator' }, min: { type: 'integer', minimum: 0 }, max: { type: 'integer', minimum: 0 } },
  set: { of: { $ref: '#/definitions/generator' }, min: { type: 'integer', minimum: 1 }, max: { type: 'integer', minimum: 1 } },
  map: {
    fields: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'type', 'generator'],
        additionalProperties: false,
        properties: { name: nonEmptyString, type: attributeType, generator: { $ref: '#/definitions/generator' } },
      },
    },
  },
} as const;

const optionalGeneratorFields = new Set(['from', 'to', 'words']);

const generator = {
  type: 'object',
  required: ['kind'],
  discriminator: { propertyName: 'kind' },
  oneOf: Object.entries(generatorKinds).map(([kind, fields]) => ({
    type: 'object',
    required: ['kind', ...Object.keys(fields).filter((field) => !optionalGeneratorFields.has(field))],
    additionalProperties: false,
    properties: { kind: { const: kind }, ...fields },
  })),
};

const keyTemplate = { type: 'string' } as const;

const entity = {
  type: 'object',
  required: ['id', 'name', 'attributes', 'relationships', 'keys', 'sampleCount'],
  additionalProperties: false,
  properties: {
    id,
    name: nonEmptyString,
    description: { type: 'string' },
    typeAttribute: nonEmptyString,
    attributes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'type', 'required', 'generator'],
        additionalProperties: false,
        properties: {
          id,
          name: nonEmptyString,
          type: attributeType,
          required: { type: 'boolean' },
          generator: { $ref: '#/definitions/generator' },
          description: { type: 'string' },
        },
      },
    },
    relationships: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'target', 'cardinality', 'foreignKeys'],
        additionalProperties: false,
        properties: {
          id,
          name: nonEmptyString,
          target: id,
          cardinality: { enum: ['one-to-one', 'one-to-many', 'many-to-one', 'many-to-many'] },
          foreignKeys: {
            type: 'array',
            items: {
              type: 'object',
              required: ['attribute', 'targetAttribute'],
              additionalProperties: false,
              properties: { attribute: nonEmptyString, targetAttribute: nonEmptyString },
            },
          },
        },
      },
    },
    keys: {
      type: 'object',
      required: ['partitionKey', 'indexes'],
      additionalProperties: false,
      properties: {
        partitionKey: keyTemplate,
        sortKey: keyTemplate,
        indexes: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            properties: { partitionKey: keyTemplate, sortKey: keyTemplate },
          },
        },
      },
    },
    sampleCount: { type: 'integer', minimum: 0, maximum: 100000 },
    position: {
      type: 'object',
      required: ['x', 'y'],
      additionalProperties: false,
      properties: { x: { type: 'number' }, y: { type: 'number' } },
    },
  },
} as const;

const accessPattern = {
  type: 'object',
  required: ['id', 'name', 'operation', 'parameters', 'request'],
  additionalProperties: false,
  properties: {
    id,
    name: nonEmptyString,
    description: { type: 'string' },
    operation: {
      enum: [
        'GetItem',
        'Query',
        'Scan',
        'BatchGetItem',
        'TransactGetItems',
        'PutItem',
        'UpdateItem',
        'DeleteItem',
        'TransactWriteItems',
        'BatchWriteItem',
        'ExecuteStatement',
      ],
    },
    index: id,
    entity: id,
    parameters: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'type'],
        additionalProperties: false,
        properties: { name: nonEmptyString, type: { enum: ['S', 'N', 'B', 'BOOL', 'M', 'L', 'SS', 'NS', 'BS'] }, example: { type: 'string' } },
      },
    },
    request: { type: 'object' },
  },
} as const;

const fixedItem = {
  type: 'object',
  required: ['item'],
  additionalProperties: false,
  properties: { entity: id, item: { type: 'object' } },
} as const;

/** What each table of a design holds: the top level (the table being edited) and each of `otherTables`. */
const tableSpaceProperties = {
  table: {
    type: 'object',
    required: ['name', 'partitionKey', 'billing', 'deletionProtection', 'pointInTimeRecovery', 'encryption', 'tableClass', 'tags'],
    additionalProperties: false,
    properties: {
      name: { type: 'string' },
      partitionKey: keyAttribute,
      sortKey: keyAttribute,
      billing: {
        type: 'object',
        required: ['mode'],
        discriminator: { propertyName: 'mode' },
        oneOf: [
          { type: 'object', required: ['mode'], additionalProperties: false, properties: { mode: { const: 'PAY_PER_REQUEST' } } },
          {
            type: 'object',
            required: ['mode', 'read', 'write'],
            additionalProperties: false,
            properties: { mode: { const: 'PROVISIONED' }, read: throughputSetting, write: throughputSetting },
          },
        ],
      },
      streamViewType: { enum: ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'] },
      ttlAttribute: nonEmptyString,
      deletionProtection: { type: 'boolean' },
      pointInTimeRecovery: { type: 'boolean' },
      encryption: {
        type: 'object',
        required: ['type'],
        discriminator: { propertyName: 'type' },
        oneOf: [
          { type: 'object', required: ['type'], additionalProperties: false, properties: { type: { const: 'AWS_OWNED' } } },
          { type: 'object', required: ['type'], additionalProperties: false, properties: { type: { const: 'AWS_MANAGED' } } },
          {
            type: 'object',
            required: ['type', 'kmsKeyArn'],
            additionalProperties: false,
            properties: { type: { const: 'CUSTOMER_MANAGED' }, kmsKeyArn: nonEmptyString },
          },
        ],
      },
      tableClass: { enum: ['STANDARD', 'STANDARD_INFREQUENT_ACCESS'] },
      tags: {
        type: 'array',
        items: {
          type: 'object',
          required: ['key', 'value'],
          additionalProperties: false,
          properties: { key: { type: 'string' }, value: { type: 'string' } },
        },
      },
    },
  },
  globalSecondaryIndexes: {
    type: 'array',
    items: {
      type: 'object',
      required: ['id', 'name', 'partitionKey', 'projection'],
      additionalProperties: false,
      properties: { id, name: { type: 'string' }, partitionKey: keyAttribute, sortKey: keyAttribute, projection, throughput: readWrite },
    },
  },
  localSecondaryIndexes: {
    type: 'array',
    items: {
      type: 'object',
      required: ['id', 'name', 'sortKey', 'projection'],
      additionalProperties: false,
      properties: { id, name: { type: 'string' }, sortKey: keyAttribute, projection },
    },
  },
  entities: { type: 'array', items: entity },
  accessPatterns: { type: 'array', items: accessPattern },
  items: { type: 'array', items: fixedItem },
} as const;

export const designModelSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://tablesmith.dev/schema/design-model-v2.json',
  title: 'Tablesmith design model',
  type: 'object',
  required: [
    'version',
    'name',
    'table',
    'globalSecondaryIndexes',
    'localSecondaryIndexes',
    'entities',
    'accessPatterns',
    'sampleSeed',
  ],
  additionalProperties: false,
  definitions: { generator },
  properties: {
    version: { const: MODEL_VERSION },
    name: { type: 'string' },
    description: { type: 'string' },
    ...tableSpaceProperties,
    otherTables: {
      type: 'array',
      items: {
        type: 'object',
        required: ['table', 'globalSecondaryIndexes', 'localSecondaryIndexes', 'entities', 'accessPatterns'],
        additionalProperties: false,
        properties: tableSpaceProperties,
      },
    },
    sampleSeed: { type: 'integer' },
  },
} as const;

let compiled: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } | undefined;

function validator() {
  // Compiled on first use: the UI pays for it only when a document is loaded.
  compiled ??= new Ajv({ allErrors: true, discriminator: true, strict: true, strictRequired: false }).compile(designModelSchema);
  return compiled;
}

/** Checks a document against the current version's schema; located issues, never throws. */
export function validateModelShape(document: unknown): { model: DesignModel } | { issues: ModelIssue[] } {
  const validate = validator();
  if (validate(document)) return { model: document as DesignModel };
  return { issues: schemaIssues(validate.errors ?? []) };
}

function schemaIssues(errors: readonly ErrorObject[]): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // A failed oneOf repeats the errors of its branches; the discriminator already picked one.
    if (error.keyword === 'oneOf') continue;
    const issue = schemaIssue(error);
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

function schemaIssue(error: ErrorObject): ModelIssue {
  const path = error.instancePath;
  const where = path === '' ? 'the document' : path;
  const params = error.params as Record<string, unknown>;
  let message: string;
  switch (error.keyword) {
    case 'required':
      message = `${where} is missing "${String(params.missingProperty)}"`;
      break;
    case 'additionalProperties':
      message = `${where} has an unknown property "${String(params.additionalProperty)}"`;
      break;
    case 'type':
      message = `${where} must be ${article(String(params.type))}`;
      break;
    case 'enum':
      message = `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'const':
      message =
        path === '/version'
          ? `version must be ${MODEL_VERSION}`
          : `${where} must be ${JSON.stringify(params.allowedValue)}`;
      break;
    case 'discriminator':
      message =
        params.error === 'mapping'
          ? `${where} has an unknown ${String(params.tag)} ${JSON.stringify(params.tagValue)}`
          : `${where} is missing "${String(params.tag)}"`;
      break;
    default:
      message = `${where} ${error.message ?? 'is invalid'}`;
  }
  return { severity: 'error', path, code: `schema.${error.keyword}`, message };
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
