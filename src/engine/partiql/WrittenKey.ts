// The primary key a PartiQL INSERT, UPDATE or DELETE writes, read with the engine's own parser,
// so tools can show an item before and after the statement runs.
import { attributeMap, member } from '../AttributeMap';
import type { AttributeValue, Item } from '../AttributeValue';
import type { KeySchema } from '../KeySchema';
import { parseStatement } from './Parser';
import { ExpressionBuilder, primaryKeyOf, resolveParameters } from './Translate';

function keyOf(item: Record<string, AttributeValue> | undefined, schema: KeySchema): Item | undefined {
  if (item === undefined) return undefined;
  const key: Item = attributeMap();
  for (const attribute of [schema.hash, schema.range]) {
    if (attribute === undefined) continue;
    const value = member(item, attribute.name);
    if (value === undefined) return undefined;
    key[attribute.name] = value;
  }
  return key;
}

/**
 * `{ key }` for a write statement (key undefined when the statement names no whole key or the
 * engine would refuse it: the write then fails and writes nothing); undefined for a read or a
 * statement that does not parse.
 */
export function partiqlWrittenKey(statement: string, parameters: unknown, schema: KeySchema): { key: Item | undefined } | undefined {
  let parsed: ReturnType<typeof parseStatement>;
  try {
    parsed = parseStatement(statement);
  } catch {
    return undefined;
  }
  const parsedStatement = parsed.statement;
  if (parsedStatement.kind === 'select' || parsedStatement.kind === 'exists') return undefined;
  try {
    const builder = new ExpressionBuilder(resolveParameters(parameters, parsed.parameterCount));
    if (parsedStatement.kind === 'insert') {
      const item = builder.resolve(parsedStatement.item);
      return { key: keyOf('M' in item ? item.M : undefined, schema) };
    }
    return { key: primaryKeyOf(parsedStatement.where, schema, builder)?.key };
  } catch {
    return { key: undefined };
  }
}
