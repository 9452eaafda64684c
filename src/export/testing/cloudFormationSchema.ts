// Node-only test support: validates a CloudFormation template against the resource schemas in
// `@aws-cdk/aws-service-spec` (the registry specs CDK itself is generated from). Every property
// must be known, every required one present and every value of the declared type; intrinsic
// functions are accepted where a scalar is expected, as CloudFormation resolves them to one.
import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';
import type { PropertyType, Resource, SpecDatabase, TypeDefinition } from '@aws-cdk/service-spec-types';

let database: SpecDatabase | undefined;
function db(): SpecDatabase {
  database ??= loadAwsServiceSpecSync();
  return database;
}

interface Property {
  type: PropertyType;
  required?: boolean;
}

const INTRINSICS = new Set([
  'Ref', 'Fn::GetAtt', 'Fn::Join', 'Fn::Sub', 'Fn::Select', 'Fn::Split', 'Fn::If', 'Fn::ImportValue',
  'Fn::FindInMap', 'Fn::Base64', 'Fn::GetAZs', 'Fn::Cidr', 'Fn::Length', 'Fn::ToJsonString',
]);

function isIntrinsic(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && INTRINSICS.has(keys[0] ?? '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkProperties(
  properties: Record<string, Property>,
  value: unknown,
  path: string,
  problems: string[],
): void {
  if (!isRecord(value)) {
    problems.push(`${path}: expected an object`);
    return;
  }
  for (const [name, property] of Object.entries(properties)) {
    if (property.required === true && !(name in value)) problems.push(`${path}: missing required property ${name}`);
  }
  for (const [name, inner] of Object.entries(value)) {
    const property = properties[name];
    if (property === undefined) problems.push(`${path}: unknown property ${name}`);
    else checkValue(property.type, inner, `${path}.${name}`, problems);
  }
}

function matches(type: PropertyType, value: unknown): boolean {
  const problems: string[] = [];
  checkValue(type, value, '', problems);
  return problems.length === 0;
}

function checkValue(type: PropertyType, value: unknown, path: string, problems: string[]): void {
  const scalar = (ok: boolean, what: string): void => {
    if (!ok && !isIntrinsic(value)) problems.push(`${path}: expected ${what}, got ${JSON.stringify(value)}`);
  };
  switch (type.type) {
    case 'string':
      scalar(typeof value === 'string', 'a string');
      if (typeof value === 'string' && type.allowedValues !== undefined && !type.allowedValues.includes(value)) {
        problems.push(`${path}: ${JSON.stringify(value)} is not one of ${type.allowedValues.join(', ')}`);
      }
      return;
    case 'number':
      scalar(typeof value === 'number', 'a number');
      return;
    case 'integer':
      scalar(Number.isInteger(value), 'an integer');
      return;
    case 'boolean':
      scalar(typeof value === 'boolean', 'a boolean');
      return;
    case 'date-time':
      scalar(typeof value === 'string' && !Number.isNaN(Date.parse(value)), 'a date-time');
      return;
    case 'json':
      scalar(isRecord(value) || Array.isArray(value), 'JSON');
      return;
    case 'null':
      if (value !== null) problems.push(`${path}: expected null`);
      return;
    case 'tag':
      checkProperties({ Key: { type: { type: 'string' }, required: true }, Value: { type: { type: 'string' }, required: true } }, value, path, problems);
      return;
    case 'array':
      if (!Array.isArray(value)) {
        scalar(false, 'an array');
        return;
      }
      value.forEach((element, index) => checkValue(type.element, element, `${path}[${index}]`, problems));
      return;
    case 'map':
      if (!isRecord(value)) {
        scalar(false, 'a map');
        return;
      }
      for (const [key, element] of Object.entries(value)) checkValue(type.element, element, `${path}.${key}`, problems);
      return;
    case 'ref': {
      const definition = db().get('typeDefinition', type.reference.$ref) as TypeDefinition;
      checkProperties(definition.properties as Record<string, Property>, value, path, problems);
      return;
    }
    case 'union':
      if (!type.types.some((member) => matches(member, value))) {
        problems.push(`${path}: matches none of the allowed types, got ${JSON.stringify(value)}`);
      }
      return;
  }
}

function resourceSpec(cloudFormationType: string): Resource | undefined {
  return db().lookup('resource', 'cloudFormationType', 'equals', cloudFormationType)[0];
}

const POLICIES = new Set(['Delete', 'Retain', 'Snapshot', 'RetainExceptOnCreate']);

/** Located problems with a template; empty when it is valid. */
export function validateTemplate(template: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(template) || !isRecord(template.Resources)) return ['template: no Resources'];
  const resources = template.Resources;
  for (const [logicalId, resource] of Object.entries(resources)) {
    const path = `Resources.${logicalId}`;
    if (!/^[A-Za-z0-9]+$/.test(logicalId)) problems.push(`${path}: logical id must be alphanumeric`);
    if (!isRecord(resource) || typeof resource.Type !== 'string') {
      problems.push(`${path}: no Type`);
      continue;
    }
    const spec = resourceSpec(resource.Type);
    if (spec === undefined) {
      problems.push(`${path}: unknown resource type ${resource.Type}`);
      continue;
    }
    checkProperties(spec.properties as Record<string, Property>, resource.Properties ?? {}, `${path}.Properties`, problems);
    for (const policy of ['DeletionPolicy', 'UpdateReplacePolicy']) {
      const value = resource[policy];
      if (value !== undefined && !POLICIES.has(String(value))) problems.push(`${path}.${policy}: invalid ${JSON.stringify(value)}`);
    }
  }
  // References must point at resources of the template and attributes their type has.
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((element, index) => visit(element, `${path}[${index}]`));
    if (!isRecord(value)) return;
    if (typeof value.Ref === 'string' && !value.Ref.startsWith('AWS::') && !(value.Ref in resources)) {
      problems.push(`${path}: Ref to unknown ${value.Ref}`);
    }
    const getAtt = value['Fn::GetAtt'];
    if (Array.isArray(getAtt)) {
      const [target, attribute] = getAtt as [string, string];
      const type = (resources[target] as { Type?: string } | undefined)?.Type;
      const spec = type === undefined ? undefined : resourceSpec(type);
      if (spec === undefined) problems.push(`${path}: GetAtt on unknown ${target}`);
      else if (!(attribute in spec.attributes)) problems.push(`${path}: ${type} has no attribute ${attribute}`);
    }
    for (const [key, inner] of Object.entries(value)) visit(inner, `${path}.${key}`);
  };
  visit(template, 'template');
  return problems;
}
