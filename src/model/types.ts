// The Tablesmith design model: the one document the canvas edits, the preview renders,
// the exports generate from and the imports produce. It is plain JSON (no classes, no
// Maps) so it can be autosaved, put in a URL and diffed; `version` drives migrations.

export const MODEL_VERSION = 2;

/** Types a key attribute can have. */
export type KeyType = 'S' | 'N' | 'B';

/** The ten DynamoDB attribute types. */
export type AttributeType = 'S' | 'N' | 'B' | 'BOOL' | 'NULL' | 'M' | 'L' | 'SS' | 'NS' | 'BS';

export interface KeyAttribute {
  name: string;
  type: KeyType;
}

export interface AutoScaling {
  minCapacity: number;
  maxCapacity: number;
  /** Percent, 20–90 as Application Auto Scaling allows. */
  targetUtilization: number;
  scaleInCooldownSeconds: number;
  scaleOutCooldownSeconds: number;
}

export interface ThroughputSetting {
  units: number;
  autoScaling?: AutoScaling;
}

export type Billing =
  | { mode: 'PAY_PER_REQUEST' }
  | { mode: 'PROVISIONED'; read: ThroughputSetting; write: ThroughputSetting };

export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';

export type Encryption =
  | { type: 'AWS_OWNED' }
  | { type: 'AWS_MANAGED' }
  | { type: 'CUSTOMER_MANAGED'; kmsKeyArn: string };

export interface Tag {
  key: string;
  value: string;
}

export interface TableDesign {
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  billing: Billing;
  /** Absent: streams disabled. */
  streamViewType?: StreamViewType;
  /** Absent: TTL disabled. The attribute holds epoch seconds (N). */
  ttlAttribute?: string;
  deletionProtection: boolean;
  pointInTimeRecovery: boolean;
  encryption: Encryption;
  tableClass: 'STANDARD' | 'STANDARD_INFREQUENT_ACCESS';
  tags: Tag[];
}

export type ProjectionType = 'ALL' | 'KEYS_ONLY' | 'INCLUDE';

export interface Projection {
  type: ProjectionType;
  /** Only for INCLUDE: the non-key attributes copied into the index. */
  nonKeyAttributes?: string[];
}

export interface GlobalSecondaryIndex {
  /** Stable identity for the canvas and undo; never shown, never exported. */
  id: string;
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  projection: Projection;
  /** Only meaningful when the table is PROVISIONED. */
  throughput?: { read: ThroughputSetting; write: ThroughputSetting };
}

export interface LocalSecondaryIndex {
  id: string;
  name: string;
  /** LSIs share the table's partition key; only the sort key differs. */
  sortKey: KeyAttribute;
  projection: Projection;
}

/** How sample values for an attribute are produced. Deterministic under a seed. */
export type Generator =
  | { kind: 'uuid' }
  | { kind: 'ulid' }
  | { kind: 'email' }
  | { kind: 'personName' }
  | { kind: 'username' }
  | { kind: 'isoDate'; from?: string; to?: string }
  | { kind: 'epochSeconds'; from?: string; to?: string }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'decimal'; min: number; max: number; scale: number }
  | { kind: 'enum'; values: string[] }
  | { kind: 'sentence'; words?: number }
  | { kind: 'url' }
  | { kind: 'boolean' }
  | { kind: 'constant'; value: string }
  /** Copies another attribute of the same item (e.g. a denormalised id). */
  | { kind: 'copy'; attribute: string }
  /** The key of a related entity's item, chosen per the relationship. */
  | { kind: 'reference'; relationship: string; attribute: string }
  /** Number of items of another entity that reference this item (e.g. followersCount). */
  | { kind: 'count'; relationship: string }
  | { kind: 'list'; of: Generator; min: number; max: number }
  | { kind: 'set'; of: Generator; min: number; max: number }
  | { kind: 'map'; fields: { name: string; type: AttributeType; generator: Generator }[] };

export interface EntityAttribute {
  id: string;
  name: string;
  type: AttributeType;
  required: boolean;
  generator: Generator;
  description?: string;
}

export type Cardinality = 'one-to-one' | 'one-to-many' | 'many-to-one' | 'many-to-many';

export interface Relationship {
  id: string;
  name: string;
  /** Entity id this relationship points to. */
  target: string;
  cardinality: Cardinality;
  /** Attributes of this entity that hold the target's identifying attributes, by target attribute name. */
  foreignKeys: { attribute: string; targetAttribute: string }[];
}

/**
 * A key template in the seed's syntax: literal text with `{{attribute}}` placeholders,
 * e.g. `USER#{{userId}}`, `POST#{{createdAt}}#{{postId}}`, or a constant such as `PROFILE`.
 */
export type KeyTemplate = string;

export interface EntityKeys {
  /** Templates for the table's partition and sort key. */
  partitionKey: KeyTemplate;
  sortKey?: KeyTemplate;
  /** Templates per index id; an entity absent here (or with an empty template) leaves the index sparse. */
  indexes: Record<string, { partitionKey?: KeyTemplate; sortKey?: KeyTemplate }>;
}

export interface Entity {
  id: string;
  name: string;
  description?: string;
  /** Attribute name holding the entity type (e.g. `entityType`); its value is the entity name. */
  typeAttribute?: string;
  attributes: EntityAttribute[];
  relationships: Relationship[];
  keys: EntityKeys;
  /** How many sample items to generate. */
  sampleCount: number;
  /** Canvas position; absent until laid out or dragged. */
  position?: { x: number; y: number };
}

export type PatternOperation =
  | 'GetItem'
  | 'Query'
  | 'Scan'
  | 'BatchGetItem'
  | 'TransactGetItems'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'TransactWriteItems'
  | 'BatchWriteItem'
  | 'ExecuteStatement';

/**
 * The type of a parameter's value. A scalar (S, N, B, BOOL) fills a placeholder inside a value;
 * a document type (M, L, SS, NS, BS) is a whole attribute value (`{ "SS": "{{tags}}" }`) whose
 * example is written as DynamoDB JSON of that member (`["a","b"]`, `{"city":{"S":"Lisbon"}}`).
 */
export type ParameterType = Exclude<AttributeType, 'NULL'>;

export interface PatternParameter {
  name: string;
  type: ParameterType;
  /** Example value used when the pattern is run in the designer; when absent it is taken from sample data. */
  example?: string;
}

export interface AccessPattern {
  id: string;
  name: string;
  description?: string;
  operation: PatternOperation;
  /** Index id, or absent for the table. */
  index?: string;
  /** The entity this pattern is about (drives the form and the key templates). */
  entity?: string;
  parameters: PatternParameter[];
  /**
   * The request in DynamoDB's JSON wire shape, with `{{param}}` placeholders inside string
   * values; TableName may be omitted (the model's table is used). Built by the form or
   * edited raw.
   */
  request: Record<string, unknown>;
}

/**
 * An item kept exactly as a file gave it (a NoSQL Workbench model's `TableData`, a Scan dump):
 * shown in the preview, loaded for patterns and exported back unchanged. Generated samples
 * never overwrite one: a generated item with the same primary key is left out.
 */
export interface FixedItem {
  /** The entity the item belongs to, when the import could tell. */
  entity?: string;
  /** The item in DynamoDB's wire shape (`{ "PK": { "S": "USER#1" } }`). */
  item: Record<string, unknown>;
}

/** One table of a design with everything that lives in it. */
export interface TableSpace {
  table: TableDesign;
  globalSecondaryIndexes: GlobalSecondaryIndex[];
  localSecondaryIndexes: LocalSecondaryIndex[];
  entities: Entity[];
  accessPatterns: AccessPattern[];
  /** Items the user brought (imports); absent or empty for a design drawn in Tablesmith. */
  items?: FixedItem[];
}

/**
 * A design: the table being edited at the top level, so every single-table function takes the
 * design as it is, and any further tables (NoSQL Workbench models hold several) in
 * `otherTables`. Switching tables swaps one in (see `tables.ts`).
 */
export interface DesignModel extends TableSpace {
  version: typeof MODEL_VERSION;
  name: string;
  description?: string;
  /** Seed for the sample-data generator, so previews are reproducible. */
  sampleSeed: number;
  otherTables?: TableSpace[];
}

/** A located problem with a model: `path` is a JSON pointer into the model document. */
export interface ModelIssue {
  severity: 'error' | 'warning' | 'info';
  path: string;
  code: string;
  message: string;
  /** For an issue inside a key template: the character range (end exclusive) to underline. */
  range?: { start: number; end: number };
}
