// Differential tests of the expression layer: every request goes to DynamoDB Local and to
// compileExpressions/evaluateCondition/applyUpdate/projectItem, and the answers (items,
// errors with their exact messages) must be the same.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { validateItemValues, type AttributeValue, type Item } from '../AttributeValue';
import type { ExpressionInput } from './index';
import { callLocal, canonical, createTable, localOutcome, referenceOutcome, type LocalTable } from './testing/localOracle';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const table: LocalTable = { name: `expressions-${run}`, partitionKey: 'pk', sortKey: 'sk', sortKeyType: 'S' };
const numbers: LocalTable = { name: `expressions-n-${run}`, partitionKey: 'pk', sortKey: 'sk', sortKeyType: 'N' };
const binaries: LocalTable = { name: `expressions-b-${run}`, partitionKey: 'pk', sortKey: 'sk', sortKeyType: 'B' };
/** Scans read a table of their own: the write cases keep adding items to `table`. */
const scanned: LocalTable = { name: `expressions-scan-${run}`, partitionKey: 'pk', sortKey: 'sk', sortKeyType: 'S' };

const S = (S: string): AttributeValue => ({ S });
const N = (N: string): AttributeValue => ({ N });
const B = (B: string): AttributeValue => ({ B });

/** The item every UpdateItem/PutItem/DeleteItem case starts from (under its own key). */
const DOCUMENT: Item = {
  a: N('5'),
  s: S('hello'),
  u: S('héllo wörld'),
  e: S('😀x'),
  bin: B('AQIDBA=='),
  t: { BOOL: true },
  z: { NULL: true },
  l: { L: [N('1'), S('x'), { M: { q: N('2') } }, { L: [S('in')] }] },
  m: { M: { b: { M: { c: S('deep') } }, n: N('3'), 'odd.name': S('dot') } },
  ss: { SS: ['a', 'b', 'c'] },
  ns: { NS: ['1', '2.5', '-3'] },
  bs: { BS: ['AQ==', 'Ag=='] },
  empty: { L: [] },
  emptyMap: { M: {} },
  odd: N('1.50'),
  nums: { M: { x: N('1.50'), e: N('2e1'), ns: { NS: ['2e1', '1.0', '0.0000001'] }, l: { L: [N('-0'), { NS: ['1E+2'] }] } } },
  oddSet: { NS: ['1.0', '2e1'] },
};

/** The partition Query and Scan cases read. */
const QUERY_ITEMS: Item[] = [
  { pk: S('q'), sk: S('a'), n: N('1'), tag: S('red'), l: { L: [N('1')] } },
  { pk: S('q'), sk: S('a#1'), n: N('10'), tag: S('blue'), ss: { SS: ['x'] } },
  { pk: S('q'), sk: S('a#2'), n: N('-2'), tag: S('red'), m: { M: { k: S('v') } } },
  { pk: S('q'), sk: S('b'), n: N('3.5'), tag: S('Red') },
  { pk: S('q'), sk: S('é'), n: N('100'), flag: { BOOL: false } },
  { pk: S('q'), sk: S('\uffff'), n: N('0') },
  { pk: S('q'), sk: S('😀'), n: N('7'), tag: S('emoji') },
  { pk: S('q'), sk: S('Z'), tag: S('upper') },
];

const NUMBER_ITEMS: Item[] = ['-10', '-1.5', '0', '0.001', '2', '10', '100', '1E+20'].map((n, i) => ({ pk: S('n'), sk: N(n), i: N(String(i)) }));
const BINARY_ITEMS: Item[] = ['AA==', 'AQ==', 'AQI=', 'fw==', 'gA==', '/w==', '//8='].map((b, i) => ({ pk: S('b'), sk: B(b), i: N(String(i)) }));

let endpoint: string;
let caseNumber = 0;

beforeAll(async () => {
  endpoint = inject('dynamodbLocalEndpoint');
  await Promise.all([table, numbers, binaries, scanned].map((target) => createTable(endpoint, target)));
  for (const [target, items] of [
    [table, QUERY_ITEMS],
    [scanned, QUERY_ITEMS],
    [numbers, NUMBER_ITEMS],
    [binaries, BINARY_ITEMS],
  ] as const) {
    for (const item of items) {
      const body = await callLocal(endpoint, 'PutItem', { TableName: target.name, Item: item });
      if (typeof body.__type === 'string') throw new Error(`PutItem failed: ${JSON.stringify(body)}`);
    }
  }
});

type Request = ExpressionInput & { Key?: Item; Item?: Item; ReturnValues?: string };

async function compareWrite(operation: 'UpdateItem' | 'PutItem' | 'DeleteItem' | 'GetItem', request: Request, start: Item | undefined = DOCUMENT): Promise<void> {
  const key = { pk: S('w'), sk: S(`case-${++caseNumber}`) };
  const stored = start === undefined ? [] : [validateItemValues({ ...start, ...key })];
  if (start !== undefined) await callLocal(endpoint, 'PutItem', { TableName: table.name, Item: { ...start, ...key } });
  const body: Record<string, unknown> = { TableName: table.name, ...request };
  if (operation === 'PutItem') body.Item = { ...key, written: S('yes') };
  else body.Key = key;
  if (operation === 'UpdateItem') body.ReturnValues = 'ALL_NEW';
  const local = localOutcome(await callLocal(endpoint, operation, body), (answer) =>
    operation === 'UpdateItem'
      ? { ok: true, item: (answer.Attributes as Item | undefined) ?? key }
      : operation === 'GetItem'
        ? { ok: true, item: answer.Item as Item | undefined }
        : { ok: true },
  );
  const mine = referenceOutcome(table, operation, { ...request, ...(operation === 'PutItem' ? { Item: key } : { Key: key }) }, stored);
  expect(canonical(mine)).toEqual(canonical(local));
}

async function compareRead(operation: 'Query' | 'Scan', request: Request, target: LocalTable = operation === 'Scan' ? scanned : table): Promise<void> {
  const items = target === numbers ? NUMBER_ITEMS : target === binaries ? BINARY_ITEMS : QUERY_ITEMS;
  const local = localOutcome(await callLocal(endpoint, operation, { TableName: target.name, ...request }), (answer) => ({
    ok: true,
    items: answer.Items as Item[],
  }));
  const mine = referenceOutcome(target, operation, request, items.map(validateItemValues));
  expect(canonical(mine)).toEqual(canonical(local));
}

const values = (entries: Record<string, AttributeValue>): { ExpressionAttributeValues: Record<string, AttributeValue> } => ({
  ExpressionAttributeValues: entries,
});

// ---------------------------------------------------------------------------------------

describe('ConditionExpression evaluation matches DynamoDB Local', () => {
  const conditions: [string, Record<string, AttributeValue>?, Record<string, string>?][] = [
    ['a = :v', { ':v': N('5') }],
    ['a = :v', { ':v': N('5.000') }],
    ['a = :v', { ':v': S('5') }],
    ['a <> :v', { ':v': N('5') }],
    ['a <> :v', { ':v': S('5') }],
    ['absent <> :v', { ':v': N('5') }],
    ['absent = :v', { ':v': N('5') }],
    ['a < :v', { ':v': N('10') }],
    ['a <= :v', { ':v': N('5') }],
    ['a > :v', { ':v': N('-5') }],
    ['a >= :v', { ':v': N('5.0001') }],
    ['a < :v', { ':v': S('9') }],
    ['s < :v', { ':v': S('hellp') }],
    ['s > :v', { ':v': S('Hello') }],
    ['u > :v', { ':v': S('hz') }],
    ['bin > :v', { ':v': B('AQID') }],
    ['bin < :v', { ':v': B('Ag==') }],
    ['absent < :v', { ':v': N('1') }],
    ['ss = :v', { ':v': { SS: ['c', 'b', 'a'] } }],
    ['ns = :v', { ':v': { NS: ['2.50', '-3', '1'] } }],
    ['ns = :v', { ':v': { NS: ['2.5', '1'] } }],
    ['bs = :v', { ':v': { BS: ['Ag==', 'AQ=='] } }],
    ['l = :v', { ':v': { L: [N('1'), S('x'), { M: { q: N('2') } }, { L: [S('in')] }] } }],
    ['l = :v', { ':v': { L: [S('x'), N('1'), { M: { q: N('2') } }, { L: [S('in')] }] } }],
    ['m.b = :v', { ':v': { M: { c: S('deep') } } }],
    ['t = :v', { ':v': { BOOL: true } }],
    ['z = :v', { ':v': { NULL: true } }],
    ['a BETWEEN :lo AND :hi', { ':lo': N('1'), ':hi': N('5') }],
    ['a BETWEEN :lo AND :hi', { ':lo': N('5.5'), ':hi': N('6') }],
    ['s BETWEEN :lo AND :hi', { ':lo': S('h'), ':hi': S('i') }],
    ['a BETWEEN :lo AND :hi', { ':lo': S('1'), ':hi': S('9') }],
    ['a IN (:x, :y)', { ':x': N('4'), ':y': N('5') }],
    ['a IN (:x)', { ':x': S('5') }],
    ['ss IN (:x)', { ':x': { SS: ['b', 'c', 'a'] } }],
    ['attribute_exists(a)'],
    ['attribute_exists(absent)'],
    ['attribute_not_exists(absent)'],
    ['attribute_exists(m.b.c)'],
    ['attribute_exists(l[2].q)'],
    ['attribute_exists(l[9])'],
    ['attribute_exists(#d)', undefined, { '#d': 'odd.name' }],
    ['attribute_exists(m.#d)', undefined, { '#d': 'odd.name' }],
    ['attribute_type(a, :t)', { ':t': S('N') }],
    ['attribute_type(ss, :t)', { ':t': S('SS') }],
    ['attribute_type(z, :t)', { ':t': S('NULL') }],
    ['attribute_type(t, :t)', { ':t': S('BOOL') }],
    ['attribute_type(m, :t)', { ':t': S('L') }],
    ['attribute_type(absent, :t)', { ':t': S('S') }],
    ['begins_with(s, :p)', { ':p': S('he') }],
    ['begins_with(s, :p)', { ':p': S('hello!') }],
    ['begins_with(bin, :p)', { ':p': B('AQI=') }],
    ['begins_with(a, :p)', { ':p': S('5') }],
    ['begins_with(s, s)'],
    ['begins_with(s, size(l))'],
    ['attribute_type(s, size(l))'],
    ['size(size(l)) = :v', { ':v': N('1') }],
    ['size(l) BETWEEN :lo AND :hi', { ':lo': S('a'), ':hi': S('b') }],
    ['size(l) < :v', { ':v': S('a') }],
    ['contains(s, s)'],
    ['attribute_type(s, s)'],
    ['s BETWEEN s AND :v', { ':v': S('z') }],
    ['size(s) = size(s)'],
    ['contains(s, :p)', { ':p': S('ell') }],
    ['contains(u, :p)', { ':p': S('wö') }],
    ['contains(ss, :p)', { ':p': S('b') }],
    ['contains(ss, :p)', { ':p': S('bb') }],
    ['contains(ns, :p)', { ':p': N('2.50') }],
    ['contains(bs, :p)', { ':p': B('Ag==') }],
    ['contains(bin, :p)', { ':p': B('AgM=') }],
    ['contains(l, :p)', { ':p': S('x') }],
    ['contains(l, :p)', { ':p': { M: { q: N('2') } } }],
    ['contains(m, :p)', { ':p': S('b') }],
    ['contains(a, :p)', { ':p': N('5') }],
    ['contains(:p, s)', { ':p': S('hello world') }],
    ['size(s) = :v', { ':v': N('5') }],
    ['size(u) = :v', { ':v': N('11') }],
    ['size(u) = :v', { ':v': N('13') }],
    ['size(bin) = :v', { ':v': N('4') }],
    ['size(e) = :v', { ':v': N('2') }],
    ['size(e) = :v', { ':v': N('3') }],
    ['size(e) = :v', { ':v': N('5') }],
    ['absent <> nothing'],
    ['absent = nothing'],
    ['NOT absent IN (:v)', { ':v': N('1') }],
    ['a IN (:v, b, s)', { ':v': N('1') }],
    ['a BETWEEN absent AND :v', { ':v': N('9') }],
    ['begins_with(absent, :p)', { ':p': S('x') }],
    ['contains(s, absent)'],
    ['size(e) BETWEEN :lo AND :hi', { ':lo': N('1'), ':hi': N('3') }],
    ['attribute_type(bin, :t) AND attribute_type(l, :u) AND attribute_type(bs, :w)', { ':t': S('B'), ':u': S('L'), ':w': S('BS') }],
    ['m.b.c > :v AND l[1] <= :w', { ':v': S('deeo'), ':w': S('x') }],
    ['size(ss) = :v', { ':v': N('3') }],
    ['size(l) = :v', { ':v': N('4') }],
    ['size(m) = :v', { ':v': N('3') }],
    ['size(a) = :v', { ':v': N('1') }],
    ['size(absent) < :v', { ':v': N('1') }],
    ['size(l[3]) = :v', { ':v': N('1') }],
    ['size(s) > size(l)'],
    ['(a) = :v', { ':v': N('5') }],
    ['(size(s)) >= :v', { ':v': N('5') }],
    ['NOT a = :v', { ':v': N('5') }],
    ['NOT attribute_exists(absent)'],
    ['a = :v OR a = :w AND s = :x', { ':v': N('5'), ':w': N('6'), ':x': S('nope') }],
    ['(a = :v OR a = :w) AND s = :x', { ':v': N('5'), ':w': N('6'), ':x': S('nope') }],
    ['NOT a = :v AND s = :x', { ':v': N('4'), ':x': S('hello') }],
    ['NOT (a = :v AND s = :x)', { ':v': N('5'), ':x': S('hello') }],
    ['a = :v and s = :x or not t = :t', { ':v': N('4'), ':x': S('hello'), ':t': { BOOL: false } }],
    ['l[0] = :v AND l[2].q = :w AND m.b.c = :x', { ':v': N('1'), ':w': N('2'), ':x': S('deep') }],
    ['#a = :v', { ':v': N('5') }, { '#a': 'a' }],
    ['#m.#b.c = :x', { ':x': S('deep') }, { '#m': 'm', '#b': 'b' }],
    [':v = :v', { ':v': N('5') }],
  ];
  it.each(conditions)('UpdateItem with ConditionExpression %s', async (expression, exprValues, names) => {
    await compareWrite('UpdateItem', {
      UpdateExpression: 'SET touched = :touched',
      ConditionExpression: expression,
      ExpressionAttributeValues: { ':touched': { BOOL: true }, ...exprValues },
      ...(names ? { ExpressionAttributeNames: names } : {}),
    });
  });

  it.each([
    ['attribute_not_exists(pk)', undefined],
    ['attribute_exists(pk)', undefined],
    ['a = :v', { ':v': N('5') }],
  ] as const)('PutItem and DeleteItem on an item that does not exist: %s', async (expression, exprValues) => {
    const request = { ConditionExpression: expression, ...(exprValues ? values(exprValues) : {}) };
    await compareWrite('PutItem', request, undefined);
    await compareWrite('DeleteItem', request, undefined);
    await compareWrite('PutItem', request);
  });
});

describe('UpdateExpression matches DynamoDB Local', () => {
  const updates: [string, Record<string, AttributeValue>?, Record<string, string>?][] = [
    ['SET a = :v', { ':v': N('1') }],
    ['SET newAttr = :v, s = :w', { ':v': S('x'), ':w': S('y') }],
    ['SET a = a + :v', { ':v': N('0.5') }],
    ['SET a = a - :v', { ':v': N('10') }],
    ['SET a = :v - a', { ':v': N('10') }],
    ['SET a = (a + :v)', { ':v': N('1') }],
    ['SET a = :v + :w', { ':v': N('99999999999999999999999999999999999999'), ':w': N('1') }],
    ['SET a = :v + :w', { ':v': N('12345678901234567890123456789012345678'), ':w': N('0.1') }],
    ['SET a = :v + :w', { ':v': N('9E+125'), ':w': N('9E+125') }],
    ['SET a = :v - :w', { ':v': N('1E-130'), ':w': N('0.9E-130') }],
    ['SET a = s + :v', { ':v': N('1') }],
    ['SET a = absent + :v', { ':v': N('1') }],
    ['SET a = :v + :w', { ':v': N('1'), ':w': S('1') }],
    ['SET n = if_not_exists(n, :v)', { ':v': N('0') }],
    ['SET a = if_not_exists(a, :v)', { ':v': N('0') }],
    ['SET n = if_not_exists(m.b.c, :v)', { ':v': N('0') }],
    ['SET l = list_append(l, :v)', { ':v': { L: [S('end')] } }],
    ['SET l = list_append(:v, l)', { ':v': { L: [S('start')] } }],
    ['SET l = list_append(l, :v)', { ':v': S('x') }],
    ['SET l = list_append(a, :v)', { ':v': { L: [] } }],
    ['SET l[1] = :v', { ':v': S('changed') }],
    ['SET l[10] = :v', { ':v': S('appended') }],
    ['SET l[10] = :v, l[11] = :w', { ':v': S('first'), ':w': S('second') }],
    ['SET l[11] = :w, l[10] = :v', { ':v': S('first'), ':w': S('second') }],
    ['REMOVE l[1] SET l[9] = :v, l[8] = :w', { ':v': S('X'), ':w': S('Y') }],
    ['REMOVE l[0] SET l[1] = :v', { ':v': S('X') }],
    ['SET l[2] = :v REMOVE l[1], l[3]', { ':v': S('X') }],
    ['SET zz.x = s + :v', { ':v': N('1') }],
    ['SET y = nothing REMOVE zz.x'],
    ['SET y = nothing ADD zz.x :v', { ':v': N('1') }],
    ['SET y = s + :v ADD zz.x :v', { ':v': N('1') }],
    ['ADD s :v SET y = nothing', { ':v': N('1') }],
    ['ADD s :v SET zz.y = :v', { ':v': N('1') }],
    ['ADD s :v REMOVE zz.y', { ':v': N('1') }],
    ['DELETE s :v ADD a :w', { ':v': { SS: ['1'] }, ':w': { SS: ['1'] } }],
    ['SET y = s + :v, z = nothing', { ':v': N('1') }],
    ['SET l[2].q = :v', { ':v': N('20') }],
    ['SET l[3][0] = :v', { ':v': S('nested') }],
    ['SET m.b.c = :v', { ':v': S('changed') }],
    ['SET m.newKey = :v', { ':v': S('new') }],
    ['SET m.absent.x = :v', { ':v': S('x') }],
    ['SET a.b = :v', { ':v': S('x') }],
    ['SET a[0] = :v', { ':v': S('x') }],
    ['SET m[0] = :v', { ':v': S('x') }],
    ['SET #d = :v', { ':v': S('x') }, { '#d': 'odd.name' }],
    ['SET m.#d = :v', { ':v': S('changed') }, { '#d': 'odd.name' }],
    ['SET dup = m', undefined],
    ['SET dup = l[2]', undefined],
    ['SET dup = absent', undefined],
    ['SET a = :v, s = a', { ':v': N('42') }],
    ['SET a = :v', { ':v': N('1.50') }],
    ['SET a = :v', { ':v': N('2e1') }],
    ['SET a = :v', { ':v': N('١٢') }],
    ['SET b = :v, c = :w', { ':v': { NS: ['7e1', '0.0000001', '-1.0'] }, ':w': { L: [{ NS: ['2e1'] }, N('2e1'), { M: { z: N('-0.0') } }] } }],
    ['SET a = a + :v', { ':v': N('0.50') }],
    ['SET odd = odd + :v', { ':v': N('0.50') }],
    ['SET a = :x - :y', { ':x': N('1.000'), ':y': N('0.5') }],
    ['SET a = :x + :y', { ':x': N('-5'), ':y': N('5.00') }],
    ['SET a = :x + :y', { ':x': N('1E+20'), ':y': N('1E+20') }],
    ['SET a = :x + :y', { ':x': N('0.0000001'), ':y': N('0') }],
    ['SET a = :x + :y', { ':x': N('1E+125'), ':y': N('1E-130') }],
    ['SET a = :x - :y', { ':x': N('2e1'), ':y': N('1e-2') }],
    ['SET nums.x = nums.x + :v, nums.e = nums.e - :v', { ':v': N('1.5e0') }],
    ['ADD odd :v, ns :w, oddSet :w, nums.ns :w', { ':v': N('2e1'), ':w': { NS: ['5.0', '1'] } }],
    ['ADD fresh :v, freshSet :w', { ':v': N('1.50'), ':w': { NS: ['5.0', '6e1'] } }],
    ['DELETE oddSet :v, nums.ns :v', { ':v': { NS: ['1'] } }],
    ['DELETE nums.ns :v', { ':v': { NS: ['3'] } }],
    ['SET dup = nums, l = list_append(l, :v)', { ':v': { L: [N('7.0')] } }],
    ['SET n = if_not_exists(absent, :v)', { ':v': N('5.0') }],
    ['REMOVE a, s, absent'],
    ['REMOVE m.b.c, m.absent'],
    ['REMOVE l[0], l[2]'],
    ['REMOVE l[1], l[9]'],
    ['REMOVE l[2].q'],
    ['REMOVE a.b'],
    ['REMOVE absent.x'],
    ['REMOVE s[0]'],
    ['DELETE absent.x :v', { ':v': { SS: ['a'] } }],
    ['SET absent[0] = :v', { ':v': S('x') }],
    ['SET l[0] = :v REMOVE l[1]', { ':v': S('zero') }],
    ['ADD a :v', { ':v': N('-5') }],
    ['ADD tally :v', { ':v': N('1') }],
    ['ADD ss :v', { ':v': { SS: ['c', 'd'] } }],
    ['ADD ns :v', { ':v': { NS: ['2.50', '4'] } }],
    ['ADD bs :v', { ':v': { BS: ['Aw=='] } }],
    ['ADD newSet :v', { ':v': { SS: ['x'] } }],
    ['ADD m.n :v', { ':v': N('1') }],
    ['ADD m.fresh :v', { ':v': N('1') }],
    ['ADD s :v', { ':v': N('1') }],
    ['ADD ss :v', { ':v': { NS: ['1'] } }],
    ['ADD a :v', { ':v': S('x') }],
    ['ADD a :v', { ':v': { L: [] } }],
    ['ADD l[0] :v', { ':v': N('1') }],
    ['ADD absent.deep :v', { ':v': N('1') }],
    ['DELETE ss :v', { ':v': { SS: ['a', 'zz'] } }],
    ['DELETE ss :v', { ':v': { SS: ['a', 'b', 'c'] } }],
    ['DELETE ns :v', { ':v': { NS: ['-3.0'] } }],
    ['DELETE bs :v', { ':v': { BS: ['AQ=='] } }],
    ['DELETE absent :v', { ':v': { SS: ['a'] } }],
    ['DELETE a :v', { ':v': { NS: ['5'] } }],
    ['DELETE ss :v', { ':v': N('1') }],
    ['DELETE ss :v', { ':v': { NS: ['1'] } }],
    ['set q = :v remove s add tally :n delete ss :d', { ':v': N('1'), ':n': N('2'), ':d': { SS: ['a'] } }],
    ['SET pk = :v', { ':v': S('x') }],
    ['SET absent.x = :v, y = nothing', { ':v': N('1') }],
    ['SET ns.z = if_not_exists(bin, :v) - :w REMOVE ss[0].a', { ':v': B('AQ=='), ':w': N('1') }],
    ['SET y = nothing, absent.x = :v', { ':v': N('1') }],
    ['ADD l[0] :v DELETE m.n :w', { ':v': { L: [] }, ':w': S('x') }],
    ['DELETE a :v, m.n :w', { ':v': { L: [] }, ':w': S('x') }],
    ['DELETE m.n :w SET b = :x - :y ADD l[0] :v', { ':v': N('1'), ':w': S('x'), ':x': N('1'), ':y': { NULL: true } }],
    ['SET c.a = :v + :w REMOVE s DELETE ss :x', { ':v': N('1'), ':w': { BS: ['AQ=='] }, ':x': N('1') }],
    ['SET q = list_append(:v, :w)', { ':v': N('1'), ':w': S('x') }],
    ['REMOVE sk'],
    ['SET pk.x = :v', { ':v': S('x') }],
  ];
  it.each(updates)('%s', async (expression, exprValues, names) => {
    await compareWrite('UpdateItem', {
      UpdateExpression: expression,
      ...(exprValues ? values(exprValues) : {}),
      ...(names ? { ExpressionAttributeNames: names } : {}),
    });
  });

  it('creates the item when it does not exist', async () => {
    await compareWrite('UpdateItem', { UpdateExpression: 'SET zz.x = :v, y = nothing', ...values({ ':v': N('1') }) }, undefined);
    await compareWrite('UpdateItem', { UpdateExpression: 'REMOVE ns ADD zz.x :v SET yy.z = :v', ...values({ ':v': N('1') }) }, undefined);
    await compareWrite('UpdateItem', { UpdateExpression: 'SET a = :v ADD c :n', ...values({ ':v': S('x'), ':n': N('3') }) }, undefined);
    await compareWrite('UpdateItem', { UpdateExpression: 'SET a = b', ExpressionAttributeValues: undefined }, undefined);
  });
});

describe('ProjectionExpression matches DynamoDB Local', () => {
  it.each([
    ['a, s'],
    ['m.b.c'],
    ['m.b, a'],
    ['l[2].q, l[0]'],
    ['l[3], l[1]'],
    ['l[9], absent, m.absent'],
    ['m.#d, #a', { '#d': 'odd.name', '#a': 'a' }],
    ['ss, ns, bs, t, z'],
    ['odd, nums, oddSet'],
    ['nums.l[1], nums.ns'],
    ['a, a'],
    ['m, m.b'],
    ['m.b, m[0]'],
    ['status'],
    ['a,'],
  ] as [string, Record<string, string>?][])('GetItem %s', async (projection, names) => {
    await compareWrite('GetItem', { ProjectionExpression: projection, ...(names ? { ExpressionAttributeNames: names } : {}) });
  });
});

describe('Query and Scan match DynamoDB Local', () => {
  const pk = { ':pk': S('q') };
  it.each([
    ['pk = :pk', pk],
    ['pk = :pk AND sk = :v', { ...pk, ':v': S('b') }],
    ['pk = :pk AND sk < :v', { ...pk, ':v': S('b') }],
    ['pk = :pk AND sk <= :v', { ...pk, ':v': S('b') }],
    ['pk = :pk AND sk > :v', { ...pk, ':v': S('a#1') }],
    ['pk = :pk AND sk >= :v', { ...pk, ':v': S('é') }],
    ['pk = :pk AND sk > :v', { ...pk, ':v': S('\uffff') }],
    ['pk = :pk AND sk BETWEEN :lo AND :hi', { ...pk, ':lo': S('a#'), ':hi': S('b') }],
    ['pk = :pk AND begins_with(sk, :p)', { ...pk, ':p': S('a#') }],
    ['sk > :v AND pk = :pk', { ...pk, ':v': S('a') }],
    [':pk = pk AND :v > sk', { ...pk, ':v': S('b') }],
    ['(pk = :pk) AND (sk = :v)', { ...pk, ':v': S('a') }],
    ['#p = :pk', pk, { '#p': 'pk' }],
    ['pk = :pk OR sk = :v', { ...pk, ':v': S('a') }],
    ['sk = :v', { ':v': S('a') }],
    ['pk = :pk AND tag = :v', { ...pk, ':v': S('red') }],
    ['pk = :pk AND sk <> :v', { ...pk, ':v': S('a') }],
    ['pk < :pk', pk],
    ['pk = :pk AND contains(sk, :v)', { ...pk, ':v': S('a') }],
    ['pk = :pk AND sk = :v AND sk = :v', { ...pk, ':v': S('a') }],
    ['NOT pk = :pk', pk],
    ['pk = :pk AND sk IN (:v)', { ...pk, ':v': S('a') }],
    ['pk = :n', { ':n': N('1') }],
    ['pk = :pk AND begins_with(sk, :n)', { ...pk, ':n': N('1') }],
    ['pk.x = :pk', pk],
    ['pk = pk', pk],
  ] as [string, Record<string, AttributeValue>, Record<string, string>?][])('Query %s', async (expression, exprValues, names) => {
    await compareRead('Query', {
      KeyConditionExpression: expression,
      ExpressionAttributeValues: exprValues,
      ...(names ? { ExpressionAttributeNames: names } : {}),
    });
  });

  it.each([
    ['tag = :v', { ':v': S('red') }],
    ['tag IN (:v, :w)', { ':v': S('red'), ':w': S('Red') }],
    ['n BETWEEN :lo AND :hi', { ':lo': N('-2'), ':hi': N('3.5') }],
    ['attribute_not_exists(tag) OR n > :v', { ':v': N('50') }],
    ['size(tag) > :v', { ':v': N('3') }],
    ['contains(l, :v) OR contains(ss, :w)', { ':v': N('1'), ':w': S('x') }],
    ['attribute_type(flag, :t)', { ':t': S('BOOL') }],
    ['sk = :v', { ':v': S('a') }],
  ] as [string, Record<string, AttributeValue>][])('Query with FilterExpression %s', async (filter, exprValues) => {
    await compareRead('Query', {
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: filter,
      ExpressionAttributeValues: { ':pk': S('q'), ...exprValues },
    });
  });

  it.each([
    ['tag = :v', { ':v': S('red') }, 'sk, tag'],
    ['n >= :v', { ':v': N('3') }, 'n'],
    ['begins_with(sk, :v)', { ':v': S('a') }, 'm.k, l[0]'],
    ['attribute_exists(m.k)', undefined, undefined],
  ] as [string, Record<string, AttributeValue> | undefined, string | undefined][])('Scan %s', async (filter, exprValues, projection) => {
    await compareRead('Scan', {
      FilterExpression: filter,
      ...(exprValues ? values(exprValues) : {}),
      ...(projection ? { ProjectionExpression: projection } : {}),
    });
  });

  it('orders numeric sort keys by value', async () => {
    await compareRead('Query', { KeyConditionExpression: 'pk = :pk', ...values({ ':pk': S('n') }) }, numbers);
    await compareRead('Query', { KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lo AND :hi', ...values({ ':pk': S('n'), ':lo': N('-1.5'), ':hi': N('10') }) }, numbers);
    await compareRead('Query', { KeyConditionExpression: 'pk = :pk AND sk > :v', ...values({ ':pk': S('n'), ':v': N('0.0001') }) }, numbers);
  });

  it('orders binary sort keys by unsigned bytes', async () => {
    await compareRead('Query', { KeyConditionExpression: 'pk = :pk', ...values({ ':pk': S('b') }) }, binaries);
    await compareRead('Query', { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ...values({ ':pk': S('b'), ':p': B('AQ==') }) }, binaries);
    await compareRead('Query', { KeyConditionExpression: 'pk = :pk AND sk >= :v', ...values({ ':pk': S('b'), ':v': B('gA==') }) }, binaries);
  });
});

describe('legacy parameters match DynamoDB Local', () => {
  const eq = (value: AttributeValue) => ({ ComparisonOperator: 'EQ', AttributeValueList: [value] });
  it.each([
    [{ KeyConditions: { pk: eq(S('q')) } }],
    [{ KeyConditions: { pk: eq(S('q')), sk: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [S('a')] } } }],
    [{ KeyConditions: { pk: eq(S('q')), sk: { ComparisonOperator: 'BETWEEN', AttributeValueList: [S('a'), S('b')] } } }],
    [{ KeyConditions: { pk: eq(S('q')), sk: { ComparisonOperator: 'BETWEEN', AttributeValueList: [S('b'), S('a')] } } }],
    [{ KeyConditions: { pk: { ComparisonOperator: 'NE', AttributeValueList: [S('q')] } } }],
    [{ KeyConditions: { pk: { ComparisonOperator: 'EQ', AttributeValueList: [] } } }],
    [{ KeyConditions: { pk: eq(S('q')), zz: eq(S('q')) } }],
    [{ KeyConditions: { pk: eq(S('q')) }, QueryFilter: { tag: eq(S('red')) } }],
    [{ KeyConditions: { pk: eq(S('q')) }, QueryFilter: { tag: { ComparisonOperator: 'NE', AttributeValueList: [S('red')] } } }],
    [{ KeyConditions: { pk: eq(S('q')) }, QueryFilter: { tag: { ComparisonOperator: 'NOT_NULL' }, n: { ComparisonOperator: 'GT', AttributeValueList: [N('2')] } }, ConditionalOperator: 'OR' }],
    [{ KeyConditions: { pk: eq(S('q')) }, QueryFilter: { tag: { ComparisonOperator: 'NULL' } } }],
    [{ KeyConditions: { pk: eq(S('q')) }, QueryFilter: { tag: { ComparisonOperator: 'IN', AttributeValueList: [S('red'), S('blue')] } } }],
    [{ KeyConditions: { pk: eq(S('q')) }, QueryFilter: { tag: { ComparisonOperator: 'CONTAINS', AttributeValueList: [S('e')] } } }],
    [{ KeyConditions: { pk: eq(S('q')) }, QueryFilter: { tag: { ComparisonOperator: 'NOT_CONTAINS', AttributeValueList: [S('e')] } } }],
    [{ KeyConditions: { pk: eq(S('q')) }, QueryFilter: { tag: { ComparisonOperator: 'XX' } } }],
    [{ KeyConditions: { pk: eq(S('q')) }, QueryFilter: { n: { ComparisonOperator: 'GT', AttributeValueList: [N('1.50e0')] } } }],
    [{ KeyConditions: { pk: eq(S('q')) }, QueryFilter: { n: { ComparisonOperator: 'GT', AttributeValueList: [N('x')] } } }],
    [{ KeyConditions: { pk: eq(S('q')) }, QueryFilter: { tag: { ComparisonOperator: 'LT', AttributeValueList: [{ SS: ['a'] }] } } }],
    [{ KeyConditions: { pk: eq(S('q')) }, QueryFilter: { pk: eq(S('q')) } }],
    [{ KeyConditions: { pk: eq(S('q')) }, ConditionalOperator: 'OR' }],
    [{ KeyConditions: { pk: eq(S('q')) }, QueryFilter: { tag: eq(S('red')) }, ConditionalOperator: 'OR' }],
    [{ KeyConditions: { pk: eq(S('q')) }, AttributesToGet: ['sk', 'tag'] }],
    [{ KeyConditions: { pk: eq(S('q')) }, AttributesToGet: ['sk', 'sk'] }],
    [{ KeyConditionExpression: 'pk = :pk', AttributesToGet: ['sk'], ...values({ ':pk': S('q') }) }],
    [{ KeyConditions: { pk: eq(S('q')) }, ExpressionAttributeValues: { ':v': S('q') } }],
    [{ KeyConditions: { pk: eq(S('q')) }, ExpressionAttributeNames: { '#v': 'q' } }],
  ] as [Request][])('Query %j', async (request) => {
    await compareRead('Query', request);
  });

  it.each([
    [{ ScanFilter: { n: { ComparisonOperator: 'BETWEEN', AttributeValueList: [N('0'), N('10')] } } }],
    [{ ScanFilter: { tag: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [S('r')] } } }],
  ] as [Request][])('Scan %j', async (request) => {
    await compareRead('Scan', request);
  });

  it.each([
    [{ Expected: { a: { Value: N('5') } } }],
    [{ Expected: { a: { Value: N('6') } } }],
    [{ Expected: { a: { Exists: true } } }],
    [{ Expected: { a: { Exists: false } } }],
    [{ Expected: { absent: { Exists: false } } }],
    [{ Expected: { a: { Exists: false, Value: N('5') } } }],
    [{ Expected: { a: { Exists: true, ComparisonOperator: 'EQ', AttributeValueList: [N('5')] } } }],
    [{ Expected: { absent: { Exists: false }, a: { Value: N('1') } }, ConditionalOperator: 'OR' }],
    [{ Expected: { absent: { Exists: false }, a: { Value: N('1') } } }],
    [{ Expected: { absent: { ComparisonOperator: 'NE', AttributeValueList: [S('1')] } } }],
    [{ Expected: { absent: { ComparisonOperator: 'NOT_CONTAINS', AttributeValueList: [S('1')] } } }],
    [{ Expected: { ss: { ComparisonOperator: 'CONTAINS', AttributeValueList: [S('a')] } } }],
    [{ Expected: { a: { ComparisonOperator: 'GE', AttributeValueList: [N('5')] } } }],
    [{ Expected: { a: { Value: N('5') } }, ConditionExpression: 'a = :v', ...values({ ':v': N('5') }) }],
  ] as [Request][])('UpdateItem %j', async (request) => {
    await compareWrite('UpdateItem', { AttributeUpdates: { touched: { Action: 'PUT', Value: { BOOL: true } } }, ...request });
  });

  it.each([
    [{ a: { Action: 'PUT', Value: S('x') } }],
    [{ a: { Action: 'PUT', Value: N('3.10') }, q: { Action: 'ADD', Value: N('1.0') }, odd: { Action: 'ADD', Value: N('1.0') } }],
    [{ a: { Action: 'PUT', Value: N('x') } }],
    [{ a: { Action: 'ADD', Value: N('2') }, ss: { Action: 'ADD', Value: { SS: ['z'] } } }],
    [{ l: { Action: 'ADD', Value: { L: [S('new')] } } }],
    [{ ss: { Action: 'DELETE', Value: { SS: ['a'] } }, s: { Action: 'DELETE' } }],
    [{ a: { Action: 'PUT' } }],
    [{ a: { Action: 'ADD', Value: S('x') } }],
    [{ a: { Action: 'DELETE', Value: N('1') } }],
    [{ pk: { Action: 'PUT', Value: S('x') } }],
    [{ a: { Action: 'XX', Value: N('1') } }],
  ] as [Record<string, unknown>][])('UpdateItem AttributeUpdates %j', async (updates) => {
    await compareWrite('UpdateItem', { AttributeUpdates: updates as Request['AttributeUpdates'] });
  });
});

describe('validation errors match DynamoDB Local', () => {
  const v = { ':v': N('1') };
  const manyOr = Array.from({ length: 700 }, () => 'a = :v').join(' OR ');
  const deepPath = 'a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.aa.ab.ac.ad.ae.af.ag';
  const hundredAndOne = Array.from({ length: 101 }, () => ':v').join(',');
  const updates: Request[] = [
    { UpdateExpression: 'SET a = a x b' },
    { UpdateExpression: 'SET' },
    { UpdateExpression: '' },
    { UpdateExpression: '   ' },
    { UpdateExpression: '  :v', ...values(v) },
    { UpdateExpression: 'SET a = :v' },
    { UpdateExpression: 'SET a = :v', ...values({ ':v': N('1'), ':w': N('2'), ':x': N('3') }) },
    { UpdateExpression: 'SET #a = :v', ...values(v) },
    { UpdateExpression: 'SET a = :v', ...values(v), ExpressionAttributeNames: { '#x': 'y' } },
    { UpdateExpression: 'SET size = :v', ...values(v) },
    { UpdateExpression: 'SET a = :v, a = :v', ...values(v) },
    { UpdateExpression: 'SET m.b = :v, m.b.c = :v', ...values(v) },
    { UpdateExpression: 'SET q = :v, #A = :v', ...values(v), ExpressionAttributeNames: { '#A': 'q' } },
    { UpdateExpression: 'SET l[0].a = :v, l.b = :v', ...values(v) },
    { UpdateExpression: 'SET a = :v REMOVE a', ...values(v) },
    { UpdateExpression: 'SET a = :v SET b = :v', ...values(v) },
    { UpdateExpression: 'SET a = :v ADD a :v SET b = :w', ...values(v) },
    { UpdateExpression: 'SET a = :w ADD a :v', ...values(v) },
    { UpdateExpression: 'ADD a :v, b :w', ...values({ ':v': S('1') }) },
    { UpdateExpression: 'SET a = :v + :w', ...values({ ':v': S('1') }) },
    { UpdateExpression: 'SET a = foo(:w)', ...values(v) },
    { UpdateExpression: 'SET a = size(:w)', ...values(v) },
    { UpdateExpression: 'SET q = size(a)', ...values(v) },
    { UpdateExpression: 'SET q = attribute_exists(a)', ...values(v) },
    { UpdateExpression: 'SET a = if_not_exists(:w)', ...values(v) },
    { UpdateExpression: 'SET q = if_not_exists(a)', ...values(v) },
    { UpdateExpression: 'SET q = if_not_exists(:v, a)', ...values(v) },
    { UpdateExpression: 'SET q = list_append(:v)', ...values(v) },
    { UpdateExpression: 'SET q = list_append(:v, :v)', ...values(v) },
    { UpdateExpression: 'SET a = list_append(:w, :v)', ...values(v) },
    { UpdateExpression: 'SET q = :v + :v + :v', ...values(v) },
    { UpdateExpression: 'SET q = :v + :s', ...values({ ':v': N('5'), ':s': S('x') }) },
    { UpdateExpression: 'ADD q a', ...values(v) },
    { UpdateExpression: 'ADD q :v', ...values({ ':v': { BOOL: true } }) },
    { UpdateExpression: 'ADD q :v', ...values({ ':v': { M: {} } }) },
    { UpdateExpression: 'ADD q :v', ...values({ ':v': B('AA==') }) },
    { UpdateExpression: 'ADD q :v', ...values({ ':v': { NULL: true } }) },
    { UpdateExpression: 'DELETE q :v', ...values({ ':v': S('a') }) },
    { UpdateExpression: 'SET q = :v', ConditionExpression: 'a > ', ...values(v) },
    { UpdateExpression: 'SET q = :v x', ConditionExpression: 'a = :v y', ...values(v) },
    { UpdateExpression: 'SET q = :w', ConditionExpression: 'a = :z', ...values(v) },
    { UpdateExpression: 'SET pk = :v', ConditionExpression: 'a = :w', ...values({ ':v': S('1') }) },
    { UpdateExpression: 'SET pk = :v', ...values({ ':v': S('1'), ':u': S('1') }) },
    { UpdateExpression: 'SET q = :v', ConditionExpression: 'a = :v', ...values({ ':v': N('1'), ':u': N('1') }), ExpressionAttributeNames: { '#u': 'x' } },
    { UpdateExpression: 'SET q = :v', ConditionExpression: '', ...values(v) },
    { UpdateExpression: 'SET q = :v', ConditionExpression: 'a = :v', ...values(v), Expected: { a: { Exists: false } } },
    { UpdateExpression: 'SET q = :v', ExpressionAttributeValues: {} },
    { UpdateExpression: 'SET q = :v', ...values(v), ExpressionAttributeNames: {} },
    { UpdateExpression: 'SET q = :v', ...values({ ...v, v: N('1') }) },
    { UpdateExpression: 'SET q = :v', ...values({ ...v, ':a-b': N('1') }) },
    { UpdateExpression: 'SET q = :v', ...values(v), ExpressionAttributeNames: { v: 'x' } },
    { UpdateExpression: 'SET q = :v', ...values(v), ExpressionAttributeNames: { '#a': '' } },
    { UpdateExpression: 'SET q = :v', ...values({ ':v': { SS: [] } }) },
    { UpdateExpression: 'SET q = :v', ...values({ ':v': N('x') }) },
    { UpdateExpression: 'SET q = :v', ...values({ ':v': N('x') }), ExpressionAttributeNames: { a: 'x' } },
    { UpdateExpression: 'SET q = :v', ...values({ ':v': N('x') }), ExpressionAttributeNames: { '#a': '' } },
    { ExpressionAttributeValues: v },
    { ExpressionAttributeNames: { '#a': 'a' } },
  ];
  it.each(updates)('UpdateItem %j', async (request) => {
    await compareWrite('UpdateItem', request);
  });

  const conditions: [string, Record<string, AttributeValue>?, Record<string, string>?][] = [
    ['a = :nope', v],
    ['foo(a)', v],
    ['SIZE(a) > :v', v],
    ['size(a)', v],
    ['begins_with(a, :v) = :v', v],
    ['if_not_exists(s, :v) = :v', v],
    ['list_append(s, :v) = :v', v],
    ['s = :v + :v', v],
    ['a = a', v],
    ['a IN (:v, a)', v],
    ['attribute_exists(:v)', v],
    ['attribute_exists(:w)', v],
    ['a.b[x] = :v', v],
    ['a IN ()', v],
    ['a BETWEEN :v', v],
    ['a BETWEEN :w AND :v', { ':v': N('1'), ':w': N('2') }],
    ['a BETWEEN :v AND :w', { ':v': S('b'), ':w': S('a') }],
    ['a BETWEEN :v AND :w', { ':v': N('2'), ':w': S('AQ==') }],
    ['a BETWEEN :v AND :w', { ':v': B('Ag=='), ':w': B('AQ==') }],
    ['a BETWEEN :v AND :w', { ':v': { SS: ['b'] }, ':w': { SS: ['a'] } }],
    ['begins_with(a, :v)', v],
    ['attribute_type(a, :v)', v],
    ['attribute_type(a, :v)', { ':v': S('XX') }],
    ['contains(a)', v],
    ['size(a, :w) > :v', v],
    ['size(:v) > :v', v],
    ['a < :v', { ':v': { SS: ['1'] } }],
    ['a < :v', { ':v': { BOOL: true } }],
    ['a = :v AND', v],
    ['(a = :v', v],
    ['a = :v)', v],
    ['a == :v', v],
    ['a $ :v', v],
    ['a = :v AND 1a = :v', v],
    ['a = :v AND _a = :v', v],
    ['a = :v AND a.1 = :v', v],
    ['a = :v AND é = :v', v],
    ['a = :v AND a[-1] = :v', v],
    ['a = :v AND x[1000000000000] = :v', v],
    ['a = :v AND x[ 1 ] = :v AND x . y = :v', v],
    ['a = :v AND attribute_exists(#A)', v, { '#a': 'x' }],
    ['a = :v AND x.#a = :v', v, { '#a': 'x.y' }],
    ['action = :v', v],
    ['a = :v AND action = :w', v],
    ['a = :w AND action = :v', v],
    ['begins_with(a, :w) AND a = a', v],
    ['a = a AND b = :w', v],
    ['((a = :v))', v],
    ['b = :w AND ((a = :v))', v],
    ['((a = :v) AND (a = :v))', v],
    [`a IN (${hundredAndOne})`, v],
    [`a IN (${hundredAndOne},:w)`, v],
    [manyOr, v],
    [`${deepPath} = :v`, v],
    [`${deepPath.slice(0, -3)} = :v`, v],
    [`a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.aa.ab.ac.ad.ae.af.#ag = :v`, v],
    ['((((((((((((((((((((((((((((((((((a = :v))))))))))))))))))))))))))))))))))', v],
    [`${Array.from({ length: 40 }, () => 'NOT').join(' ')} a = :v`, v],
    ['a = :v AND b = :v', { ':v': N('1'), ':w': N('1'), ':a': N('1') }, { '#z': 'b', '#b': 'c', '#a': 'x' }],
  ];
  it.each(conditions)('ConditionExpression %s', async (expression, exprValues, names) => {
    await compareWrite('DeleteItem', {
      ConditionExpression: expression,
      ...(exprValues ? values(exprValues) : {}),
      ...(names ? { ExpressionAttributeNames: names } : {}),
    });
  });

  const queries: Request[] = [
    { KeyConditionExpression: 'pk = :v x', FilterExpression: 'a = :w y', ProjectionExpression: 'a,', ...values({ ':v': S('1') }) },
    { KeyConditionExpression: 'pk = :v', FilterExpression: 'a = :w', ProjectionExpression: '#p', ...values({ ':v': S('1') }) },
    { KeyConditionExpression: 'pk = :z', ProjectionExpression: '#p', ...values({ ':v': S('1') }) },
    { KeyConditionExpression: 'pk = :v x', ProjectionExpression: 'a,', ...values({ ':v': S('1') }) },
    { KeyConditionExpression: 'pk = :v AND sk = :v', FilterExpression: 'pk = :v', ...values({ ':v': S('1'), ':u': S('1') }) },
    { KeyConditionExpression: 'pk = :v AND zz = :v', ...values({ ':v': S('1'), ':u': S('1') }) },
    { KeyConditionExpression: 'pk = :v', ...values({ ':v': S('1') }), ExpressionAttributeNames: { '#a': 'a', '#b': 'b' } },
    { KeyConditionExpression: 'pk = :v', ...values({ ':v': S('1'), ':w': S('1'), ':x': S('1') }) },
    { KeyConditionExpression: 'pk = :v', ProjectionExpression: 'a, a', ...values({ ':v': S('1') }) },
    { KeyConditionExpression: 'pk = :v', ProjectionExpression: ':v', ...values({ ':v': S('1') }) },
    { KeyConditionExpression: 'pk = :v', ProjectionExpression: '', ...values({ ':v': S('1') }) },
    { KeyConditionExpression: 'pk = :v', FilterExpression: 'a = :v', ProjectionExpression: 'a', AttributesToGet: ['a'], ...values({ ':v': S('1') }) },
    { FilterExpression: 'a = :v', ...values({ ':v': S('1') }) },
    {},
  ];
  it.each(queries)('Query %j', async (request) => {
    await compareRead('Query', request);
  });

  it.each([
    [{ ExpressionAttributeValues: v }],
    [{ ProjectionExpression: 'a', ExpressionAttributeValues: v }],
    [{ FilterExpression: 'a = :v', ...values({ ':v': N('1') }), AttributesToGet: ['a'], ScanFilter: { a: { ComparisonOperator: 'NULL' } }, ConditionalOperator: 'OR' }],
  ] as [Request][])('Scan %j', async (request) => {
    await compareRead('Scan', request);
  });

  it.each([
    [{ ExpressionAttributeValues: v }],
    [{ ConditionExpression: 'a = :v', ...values(v), Expected: { a: { Exists: false } }, ConditionalOperator: 'OR' }],
    [{ ExpressionAttributeValues: v, ExpressionAttributeNames: { '#a': 'b' } }],
  ] as [Request][])('PutItem and DeleteItem %j', async (request) => {
    await compareWrite('PutItem', request);
    await compareWrite('DeleteItem', request);
  });

  it.each([
    [{ ProjectionExpression: 'a', AttributesToGet: ['a'] }],
    [{ ExpressionAttributeNames: { '#v': 'a' } }],
    [{ ProjectionExpression: '#v' }],
  ] as [Request][])('GetItem %j', async (request) => {
    await compareWrite('GetItem', request);
  });
});

describe('which error DynamoDB Local reports first', () => {
  const v = { ':n': N('1'), ':s': S('x'), ':l': { L: [] }, ':ss': { SS: ['a'] }, ':big': N('-9.9E125'), ':m3': N('-3') };
  const used = (expression: string) => values(Object.fromEntries(Object.entries(v).filter(([name]) => new RegExp(`${name}(?![a-z0-9])`).test(expression))));
  const manyNames = Array.from({ length: 20 }, (_, i) => `n${i}`).join(', ');

  it.each([
    ['a, b, c, a'],
    ['a, a, b'],
    ['b, a, p, a'],
    ['a, q, a'],
    ['a.b, a'],
    ['a, a.b, c'],
    ['a.c.x, a.c, a.d'],
    ['a.b, a.c, a.b'],
    ['#n0, l[1], l, #n1', { '#n0': 'status', '#n1': 'l' }],
    ['l[1], a, l[2][0], l[0], l[1]'],
    ['a.b, c, a[0]'],
    ['q.d, q[0][1], a'],
    ['BBBB, AaAa, x, AaAa'],
    [`${manyNames}, n3.x`],
  ] as [string, Record<string, string>?][])('names the pair of overlapping projection paths as Local does: %s', async (projection, names) => {
    await compareWrite('GetItem', { ProjectionExpression: projection, ...(names ? { ExpressionAttributeNames: names } : {}) });
  });

  it.each([
    ['DELETE l :ss SET #n0 = :s, #n1[2][0] = :s REMOVE gpk', { '#n0': 'l', '#n1': 'b' }],
    ['SET a = :n REMOVE b, c.d ADD a.x :n'],
    ['REMOVE x[1], y, x[1]'],
    ['SET m.a = :n, m.b = :n, m.a.c = :n'],
  ] as [string, Record<string, string>?][])('names the pair of overlapping update paths as Local does: %s', async (expression, names) => {
    await compareWrite('UpdateItem', { UpdateExpression: expression, ...used(expression), ...(names ? { ExpressionAttributeNames: names } : {}) });
  });

  it.each([
    ['SET c = :s + :n, q = if_not_exists(b, b)'],
    ['SET q = if_not_exists(b, b), c = :s + :n'],
    ['SET q = if_not_exists(b, b) + :s'],
    ['SET q = if_not_exists(:n, :n) + if_not_exists(b, b)'],
    ['SET q = if_not_exists(b, b) + if_not_exists(:n, :n)'],
    ['SET q = list_append(:s, if_not_exists(b, b))'],
    ['ADD c :s SET q = if_not_exists(b, b)'],
    ['SET q = if_not_exists(#n0, #n1)', { '#n0': 'b', '#n1': 'b' }],
    ['REMOVE #n0.y SET #n1[2] = :n + :s, l[1] = if_not_exists(#n0, #n0) - :n', { '#n0': 'é', '#n1': 'c' }],
    ['SET a = :undefined DELETE b :n'],
    ['DELETE b :n SET a = :undefined'],
    ['SET a = :undefined, c = list_append(:n, :n)'],
    ['ADD a :undefined DELETE b :n'],
    ['SET a = :l + :undefined'],
  ] as [string, Record<string, string>?][])('reports the first operand check of the last failing update action: %s', async (expression, names) => {
    await compareWrite('UpdateItem', { UpdateExpression: expression, ...used(expression), ...(names ? { ExpressionAttributeNames: names } : {}) });
  });

  it.each([
    ['SET q = if_not_exists(b, b + :n)'],
    ['SET q = list_append(a + :n, :l)'],
    ['SET q = (:n + :n) + :n'],
    ['SET q = (a + :n)'],
    ['SET q = ((:n) + (:n))'],
    ['SET q = ((:n))'],
    ['SET q = (((:n)) + :n)'],
    ['SET q = if_not_exists(b, list_append(:l, :l))'],
    ['SET q = list_append(list_append(:l, :l), :l)'],
    ['SET q = list_append(if_not_exists(b, :l), :l)'],
    ['SET q = :n + list_append(:l, :l)'],
  ])('parses SET values as Local does: %s', async (expression) => {
    await compareWrite('UpdateItem', { UpdateExpression: expression, ...used(expression) });
  });

  it.each([
    ['SET x = s - c'],
    ['SET x = c - s'],
    ['SET x = if_not_exists(absent, :s) - c'],
    ['SET x = m.y, b = s + :n'],
    ['ADD s :n SET b = x'],
    ['SET b = x ADD s :n'],
    ['ADD s :n REMOVE c.z'],
    ['REMOVE c.z ADD s :n'],
    ['SET b = :big + :m3 REMOVE c.z'],
    ['SET b = :big + :m3, d = s + :n'],
    ['SET absent.x = :n, d = s + :n'],
    ['SET absent.x = :n, y = nothing'],
    ['SET absent.x = :n, d = if_not_exists(s, x)'],
    ['SET d = m.y REMOVE absent.x'],
    ['REMOVE absent.x SET d = m.y'],
    ['SET absent.x = nothing'],
  ])('applies update actions in Local order and reports the first failure: %s', async (expression) => {
    await compareWrite('UpdateItem', { UpdateExpression: expression, ...used(expression) });
  });

  it('applies update actions in Local order on a missing item', async () => {
    for (const expression of ['SET #a = :s, #b = :big + if_not_exists(l, :m3) ADD #c :n REMOVE c.z', 'SET x = if_not_exists(a, :s) - c', 'SET b = x REMOVE c.z']) {
      const names = expression.includes('#') ? { ExpressionAttributeNames: { '#a': 'a', '#b': 'b', '#c': 'd' } } : {};
      await compareWrite('UpdateItem', { UpdateExpression: expression, ...used(expression), ...names }, undefined);
    }
  });

  it.each([
    ['b BETWEEN :n AND :s AND a = a'],
    ['a = a AND b BETWEEN :n AND :s'],
    ['b < :l AND c = :w'],
    ['contains(b) AND c = :w'],
    ['size(:n) = :n AND a = a'],
    ['a BETWEEN a AND :l'],
    ['begins_with(a, a, a)'],
    ['attribute_type(:n, :n)'],
    ['attribute_type(:n, size(a))'],
    ['NOT #n1 BETWEEN :n AND :s AND begins_with(#n1, #n1)', { '#n1': 'pk' }],
  ] as [string, Record<string, string>?][])('checks each condition operator as it is reached: %s', async (expression, names) => {
    await compareWrite('DeleteItem', { ConditionExpression: expression, ...used(expression), ...(names ? { ExpressionAttributeNames: names } : {}) });
  });

  it.each([
    ['pk >= :b AND sk <= :n'],
    ['pk >= :b'],
    ['pk = :b AND x = :n'],
    ['x = :n AND pk = :b'],
    ['pk >= :s AND x = :s'],
    ['pk = :s AND sk = :s AND x = :s'],
    ['x = :s AND y = :s AND pk = :s'],
    ['pk = :s AND pk = :s AND sk = :n'],
    ['sk = :s AND x = :n'],
    ['begins_with(pk, :b)'],
  ])('checks a key condition in Local order: %s', async (expression) => {
    const keyValues = { ':s': S('n'), ':n': N('1'), ':b': B('AQ==') };
    await compareRead('Query', { KeyConditionExpression: expression, ...values(Object.fromEntries(Object.entries(keyValues).filter(([name]) => expression.includes(name)))) }, numbers);
  });
});
