// PartiQL conditions, values and update clauses rewritten as DynamoDB expressions (with
// #name / :value placeholders), so statements run through the very same actions and
// expression engine as the JSON API, errors included.
import { attributeMap } from '../AttributeMap';
import { validateAttributeValue, type AttributeValue, type Item } from '../AttributeValue';
import { validationError } from '../errors';
import type { KeyAttribute, KeySchema } from '../KeySchema';
import type { CallNode, ConditionNode, OperandNode, PathNode, UpdateStatement, ValueNode } from './Ast';
import { at } from './errors';

/** Functions PartiQL for DynamoDB accepts in conditions and SET values. */
const FUNCTIONS = new Set(['begins_with', 'contains', 'attribute_type', 'size', 'attribute_exists', 'attribute_not_exists', 'list_append', 'if_not_exists']);

export class ExpressionBuilder {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValue> = {};
  private readonly nameIds = new Map<string, string>();
  private valueCount = 0;

  constructor(private readonly parameters: readonly AttributeValue[]) {}

  name(attribute: string): string {
    let id = this.nameIds.get(attribute);
    if (!id) {
      id = `#n${this.nameIds.size}`;
      this.nameIds.set(attribute, id);
      this.names[id] = attribute;
    }
    return id;
  }

  value(value: AttributeValue): string {
    const id = `:v${this.valueCount++}`;
    this.values[id] = value;
    return id;
  }

  path(path: PathNode): string {
    return path.segments.map((segment, i) => (segment.kind === 'index' ? `[${segment.index}]` : `${i > 0 ? '.' : ''}${this.name(segment.name)}`)).join('');
  }

  /** The AttributeValue a value node stands for; MISSING is not a value. */
  resolve(node: ValueNode): AttributeValue {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'missing':
        throw validationError(`Unsupported data type: MISSING under key root ${at(node.position)}`);
      case 'parameter':
        return this.parameters[node.index] as AttributeValue;
      case 'map': {
        const map: Item = attributeMap();
        for (const entry of node.entries) map[entry.key] = this.resolve(entry.value);
        return { M: map };
      }
      case 'list':
        return { L: node.items.map((item) => this.resolve(item)) };
      case 'set':
        return this.resolveSet(node);
    }
  }

  private resolveSet(node: Extract<ValueNode, { kind: 'set' }>): AttributeValue {
    if (node.items.length === 0) throw validationError(`Empty bags are not supported ${at(node.position)}`);
    const members = node.items.map((item) => this.resolve(item));
    const types = new Set(members.map((member) => Object.keys(member)[0]));
    const type = types.size === 1 ? [...types][0] : undefined;
    const mixed = () => validationError('Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags');
    if (type === 'S') return { SS: members.map((member) => (member as { S: string }).S) };
    if (type === 'N') return { NS: members.map((member) => (member as { N: string }).N) };
    if (type === 'B') return { BS: members.map((member) => (member as { B: string }).B) };
    throw mixed();
  }

  operand(node: OperandNode): string {
    switch (node.kind) {
      case 'path':
        return this.path(node);
      case 'call':
        return this.call(node);
      case 'arithmetic':
        return `${this.operand(node.left)} ${node.operator} ${this.operand(node.right)}`;
      case 'missing':
        throw validationError('MISSING must be compared using IS operator');
      default:
        return this.value(this.resolve(node));
    }
  }

  call(node: CallNode): string {
    if (!FUNCTIONS.has(node.name)) throw validationError(`Unrecognized function: ${node.name}`);
    return `${node.name}(${node.args.map((arg) => this.operand(arg)).join(', ')})`;
  }

  condition(node: ConditionNode): string {
    switch (node.kind) {
      case 'compare':
        return `${this.operand(node.left)} ${node.operator} ${this.operand(node.right)}`;
      case 'and':
      case 'or':
        return `(${this.condition(node.left)}) ${node.kind.toUpperCase()} (${this.condition(node.right)})`;
      case 'not':
        return `NOT (${this.condition(node.operand)})`;
      case 'between':
        return `${this.operand(node.operand)} BETWEEN ${this.operand(node.low)} AND ${this.operand(node.high)}`;
      case 'in':
        return `${this.operand(node.operand)} IN (${node.list.map((item) => this.operand(item)).join(', ')})`;
      case 'is': {
        const target = this.operand(node.operand);
        const test =
          node.test === 'MISSING'
            ? `attribute_not_exists(${target})`
            : `attribute_type(${target}, ${this.value({ S: 'NULL' })})`;
        return node.negated ? `NOT ${test}` : test;
      }
      case 'function':
        return this.call(node.call);
    }
  }

  /** The UpdateExpression for an UPDATE statement's SET and REMOVE clauses. */
  update(statement: UpdateStatement): string {
    const set: string[] = [];
    const add: string[] = [];
    const remove: string[] = [];
    const del: string[] = [];
    for (const assignment of statement.set) {
      const value = assignment.value;
      const target = this.path(assignment.path);
      // set_add / set_delete are PartiQL's spelling of ADD and DELETE on a set attribute.
      if (value.kind === 'call' && (value.name === 'set_add' || value.name === 'set_delete') && value.args.length === 2) {
        const element = this.operand(value.args[1] as OperandNode);
        (value.name === 'set_add' ? add : del).push(`${target} ${element}`);
      } else {
        set.push(`${target} = ${this.operand(value)}`);
      }
    }
    for (const path of statement.remove) remove.push(this.path(path));
    return [
      set.length > 0 ? `SET ${set.join(', ')}` : '',
      remove.length > 0 ? `REMOVE ${remove.join(', ')}` : '',
      add.length > 0 ? `ADD ${add.join(', ')}` : '',
      del.length > 0 ? `DELETE ${del.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  /** The ExpressionAttributeNames/Values members, present only when used. */
  members(): { ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, AttributeValue> } {
    return {
      ...(Object.keys(this.names).length > 0 ? { ExpressionAttributeNames: this.names } : {}),
      ...(Object.keys(this.values).length > 0 ? { ExpressionAttributeValues: this.values } : {}),
    };
  }
}

/** Checks a request's Parameters against the statement's `?` count. */
export function resolveParameters(raw: unknown, count: number): AttributeValue[] {
  const parameters = raw === undefined || raw === null ? [] : raw;
  // DynamoDB ignores surplus parameters; too few is an error.
  if (!Array.isArray(parameters) || parameters.length < count) {
    throw validationError("Number of parameters in request and statement don't match.");
  }
  return parameters.map((parameter) => validateAttributeValue(parameter));
}

/** The top-level AND-ed conditions of a WHERE clause. */
export function conjuncts(node: ConditionNode | undefined): ConditionNode[] {
  if (!node) return [];
  if (node.kind === 'and') return [...conjuncts(node.left), ...conjuncts(node.right)];
  return [node];
}

export function andAll(nodes: ConditionNode[]): ConditionNode | undefined {
  return nodes.reduce<ConditionNode | undefined>((left, right) => (left ? { kind: 'and', left, right } : right), undefined);
}

function isAttribute(node: OperandNode, name: string): boolean {
  return node.kind === 'path' && node.segments.length === 1 && node.segments[0]?.kind === 'attribute' && node.segments[0].name === name;
}

function isValue(node: OperandNode): node is ValueNode {
  return node.kind === 'literal' || node.kind === 'parameter' || node.kind === 'map' || node.kind === 'list' || node.kind === 'set';
}

/** `key = value` (either side), with the value's type checked against the key schema. */
export function keyEquality(node: ConditionNode, attribute: KeyAttribute, builder: ExpressionBuilder): AttributeValue | undefined {
  if (node.kind !== 'compare' || node.operator !== '=') return undefined;
  const value = isAttribute(node.left, attribute.name) && isValue(node.right) ? node.right : isAttribute(node.right, attribute.name) && isValue(node.left) ? node.left : undefined;
  if (!value) return undefined;
  return checkKeyType(builder.resolve(value), attribute);
}

export function checkKeyType(value: AttributeValue, attribute: KeyAttribute): AttributeValue {
  if (!(attribute.type in value)) throw validationError(`Key attribute's data type should match its data type in table's schema: Key ${attribute.name}`);
  return value;
}

/** A sort-key condition usable in a KeyConditionExpression, or undefined. */
export function sortKeyCondition(node: ConditionNode, attribute: KeyAttribute, builder: ExpressionBuilder): string | undefined {
  const typed = (value: OperandNode) => checkKeyType(builder.resolve(value as ValueNode), attribute);
  if (node.kind === 'compare' && isAttribute(node.left, attribute.name) && isValue(node.right)) {
    return `${builder.name(attribute.name)} ${node.operator} ${builder.value(typed(node.right))}`;
  }
  if (node.kind === 'between' && isAttribute(node.operand, attribute.name) && isValue(node.low) && isValue(node.high)) {
    return `${builder.name(attribute.name)} BETWEEN ${builder.value(typed(node.low))} AND ${builder.value(typed(node.high))}`;
  }
  if (node.kind === 'function' && node.call.name === 'begins_with' && node.call.args.length === 2) {
    const [target, prefix] = node.call.args as [OperandNode, OperandNode];
    if (isAttribute(target, attribute.name) && isValue(prefix)) return `begins_with(${builder.name(attribute.name)}, ${builder.value(builder.resolve(prefix))})`;
  }
  return undefined;
}

/** The full primary key a write's WHERE clause names by equality, and what else it says. */
export function primaryKeyOf(where: ConditionNode | undefined, schema: KeySchema, builder: ExpressionBuilder): { key: Item; rest: ConditionNode[] } | undefined {
  const key: Item = attributeMap();
  const rest: ConditionNode[] = [];
  for (const node of conjuncts(where)) {
    const hash = key[schema.hash.name] === undefined ? keyEquality(node, schema.hash, builder) : undefined;
    if (hash) {
      key[schema.hash.name] = hash;
      continue;
    }
    const range = schema.range && key[schema.range.name] === undefined ? keyEquality(node, schema.range, builder) : undefined;
    if (range && schema.range) {
      key[schema.range.name] = range;
      continue;
    }
    rest.push(node);
  }
  const complete = key[schema.hash.name] !== undefined && (!schema.range || key[schema.range.name] !== undefined);
  return complete ? { key, rest } : undefined;
}
