import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { examples } from '../model/examples';
import type { AccessPattern, DesignModel } from '../model/types';
import { ACCOUNT_PLACEHOLDER, COGNITO_IDENTITY, MANAGED_POLICY_CHARACTERS, iamPolicy, iamPolicyNotes, identityVariable, IDENTITY_CHOICES, REGION_PLACEHOLDER, type IamPolicy } from './iamPolicy';
import { EXPORTS, exportAll, exportDefinition } from './index';
import { designMarkdown, markdownCode, markdownText } from './markdown';
import { oneTableSchema } from './oneTable';
import { accessPatternsDesign, HOSTILE_NAMES, hostileDesign } from './testing/designs';
import { iamLiteral } from './testing/intrinsics';
import { workbenchDocument } from './workbench';

const social = examples.find((example) => example.id === 'social-media')?.model as DesignModel;

describe('IAM policy', () => {
  const REGION = 'eu-west-1';
  const ACCOUNT = '123456789012';
  const design = accessPatternsDesign();
  const tableArn = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/OrdersTable`;

  /** Action → resources over the whole policy. */
  function grants(policy: IamPolicy): Record<string, string[]> {
    const byAction = new Map<string, Set<string>>();
    for (const statement of policy.Statement) {
      for (const action of statement.Action) for (const resource of statement.Resource) byAction.set(action, (byAction.get(action) ?? new Set()).add(resource));
    }
    return Object.fromEntries([...byAction].sort(([a], [b]) => a.localeCompare(b)).map(([action, resources]) => [action, [...resources].sort()]));
  }

  it('grants each pattern exactly its actions on the table or the one index it reads, in the given Region and account', () => {
    const policy = iamPolicy(design, { region: REGION, account: ACCOUNT });
    expect(grants(policy)).toEqual({
      'dynamodb:BatchGetItem': [tableArn],
      'dynamodb:BatchWriteItem': [tableArn],
      // The order is placed only if the customer exists: a ConditionCheck in the transaction.
      'dynamodb:ConditionCheckItem': [tableArn],
      'dynamodb:DeleteItem': [tableArn],
      'dynamodb:GetItem': [tableArn],
      'dynamodb:PartiQLSelect': [`${tableArn}/index/ByStatus`],
      'dynamodb:PutItem': [tableArn],
      'dynamodb:Query': [tableArn, `${tableArn}/index/ByCustomer`, `${tableArn}/index/ByStatus`],
      'dynamodb:Scan': [tableArn],
      'dynamodb:UpdateItem': [tableArn],
    });
    // GSI1 and the LSI serve no pattern, so nothing grants them, and nothing is a wildcard.
    expect(JSON.stringify(policy)).not.toContain('GSI1');
    expect(JSON.stringify(policy)).not.toContain('*');
    expect(policy.Statement.every((statement) => /^[A-Za-z0-9]+$/.test(statement.Sid))).toBe(true);
  });

  it('maps each PartiQL verb to its own action', () => {
    const statement = (text: string) => ({ ...design, accessPatterns: [{ id: 'x', name: 'x', operation: 'ExecuteStatement' as const, parameters: [], request: { Statement: text } }] });
    expect(iamPolicy(statement('UPDATE "OrdersTable" SET a = 1 WHERE PK = \'x\'')).Statement[0]?.Action).toEqual(['dynamodb:PartiQLUpdate']);
    expect(iamPolicy(statement('delete FROM "OrdersTable" WHERE PK = \'x\'')).Statement[0]?.Action).toEqual(['dynamodb:PartiQLDelete']);
    expect(iamPolicy(statement('INSERT INTO "OrdersTable" VALUE {\'PK\': \'x\'}')).Statement[0]?.Action).toEqual(['dynamodb:PartiQLInsert']);
  });

  it('uses REGION and ACCOUNT_ID placeholders without a Region and account, and says so', () => {
    const policy = iamPolicy(design);
    expect(policy.Statement[0]?.Resource).toEqual([`arn:aws:dynamodb:${REGION_PLACEHOLDER}:${ACCOUNT_PLACEHOLDER}:table/OrdersTable`]);
    expect(iamPolicyNotes(design)[0]).toContain('Replace REGION and ACCOUNT_ID');
    expect(iamPolicyNotes(design, { region: REGION })[0]).toContain('Replace ACCOUNT_ID in the ARNs');
    expect(iamPolicyNotes(design, { region: REGION, account: ACCOUNT })).toEqual([]);
    // The partition follows the Region.
    expect(iamPolicy(design, { region: 'cn-north-1', account: ACCOUNT }).Statement[0]?.Resource[0]).toMatch(/^arn:aws-cn:dynamodb:cn-north-1:/);
    expect(iamPolicy(design, { region: 'us-gov-west-1', account: ACCOUNT }).Statement[0]?.Resource[0]).toMatch(/^arn:aws-us-gov:/);
  });

  it('warns when the policy outgrows a managed policy', () => {
    const many: DesignModel = {
      ...design,
      // Per-user patterns on 60 different partitions of the caller: 60 statements that cannot merge.
      accessPatterns: Array.from({ length: 60 }, (_, position) => ({
        id: `q${position}`,
        name: `Customer partition ${position}`,
        operation: 'Query' as const,
        parameters: [{ name: 'customerId', type: 'S' as const }],
        request: { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': { S: `CUSTOMER#{{customerId}}#${position}` } } },
      })),
    };
    const options = { region: REGION, account: ACCOUNT, leadingKeys: { variable: COGNITO_IDENTITY } };
    expect(JSON.stringify(iamPolicy(many, options)).length).toBeGreaterThan(MANAGED_POLICY_CHARACTERS);
    expect(iamPolicyNotes(many, options).join('\n')).toMatch(/The policy has about \d+ characters; a managed policy holds at most 6144/);
    expect(iamPolicyNotes(design, options).join('\n')).not.toContain('characters');
  });

  it('reads the export options for the IAM policy and for the policy in CDK and CloudFormation', () => {
    const options = { leadingKeys: true, identity: 'principal-tag:team', region: REGION, account: ACCOUNT };
    expect(JSON.parse(exportDefinition('iam').generate(design, options))).toEqual(iamPolicy(design, { region: REGION, account: ACCOUNT, leadingKeys: { variable: '${aws:PrincipalTag/team}' } }));
    expect(exportDefinition('cfn-json').generate(design, { ...options, accessPolicy: true })).toContain('${aws:PrincipalTag/team}');
    expect(exportDefinition('cfn-json').generate(design, options)).not.toContain('AccessPolicy');
    // A bad identity blocks only the exports that carry the policy.
    const bad = { leadingKeys: true, identity: 'nobody' };
    expect(() => exportDefinition('iam').generate(design, bad)).toThrow('unknown identity "nobody"');
    expect(() => exportDefinition('cdk').generate(design, { ...bad, accessPolicy: true })).toThrow('unknown identity "nobody"');
    expect(exportDefinition('cdk').generate(design, bad)).toContain('new dynamodb.Table(this');
    expect(exportDefinition('cfn-yaml').notes?.(design, { accessPolicy: true })[0]).toContain('Fn::Sub with AWS::Partition, AWS::Region, AWS::AccountId');
  });

  it('says when a name holds characters IAM refuses in a policy', () => {
    const model: DesignModel = { ...design, table: { ...design.table, name: 'Tabelle名' } };
    expect(iamPolicyNotes(model, { region: REGION, account: ACCOUNT })).toEqual([
      'IAM accepts only the characters U+0020–U+00FF (and tab, line feed, carriage return) in a policy, so it will refuse this one: a name or key holds U+540D.',
    ]);
    expect(iamPolicyNotes({ ...design, table: { ...design.table, name: 'Tabelle_Ü' } }, { region: REGION, account: ACCOUNT })).toEqual([]);
  });

  it('refuses a Region or account that is not one', () => {
    expect(() => iamPolicy(design, { region: 'Europe' })).toThrow('"Europe" is not an AWS Region code such as eu-west-1');
    expect(() => iamPolicy(design, { account: '1234' })).toThrow('"1234" is not an AWS account id (12 digits)');
  });

  it('keeps every pattern under dynamodb:LeadingKeys: bound where the key is the caller, its own noted statement where not', () => {
    const variable = identityVariable('userid');
    const policy = iamPolicy(design, { region: REGION, account: ACCOUNT, leadingKeys: { variable } });
    // Nothing the policy grants without LeadingKeys is lost with it.
    expect(grants(policy)).toEqual(grants(iamPolicy(design, { region: REGION, account: ACCOUNT })));
    const bound = { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['CUSTOMER#${aws:userid}'] } };
    const bySid = new Map(policy.Statement.map((statement) => [statement.Sid, statement]));
    expect(bySid.get('GetCustomer')?.Condition).toEqual(bound);
    expect(bySid.get('PlaceOrder')).toMatchObject({ Action: ['dynamodb:ConditionCheckItem', 'dynamodb:PutItem'], Condition: bound });
    // A GSI keyed by the customer is per-user too.
    expect(bySid.get('CustomerOrdersByDate')).toMatchObject({ Resource: [`${tableArn}/index/ByCustomer`], Condition: bound });
    // A GSI keyed by status cannot be: its own statement, no condition, the reason in its Sid.
    expect(bySid.get('OrdersByStatusNotPerUserKeyFromStatus')).toEqual({
      Sid: 'OrdersByStatusNotPerUserKeyFromStatus',
      Effect: 'Allow',
      Action: ['dynamodb:Query'],
      Resource: [`${tableArn}/index/ByStatus`],
    });
    expect(bySid.get('AuditEverythingNotPerUserScan')?.Condition).toBeUndefined();
    expect(bySid.get('OpenOrdersByPartiQlNotPerUserPartiQL')?.Condition).toBeUndefined();
    // A transaction is per-user only if every key in it is the caller's.
    expect(bySid.get('MoveOrderNotPerUserKeyFromNewCustomerId')?.Condition).toBeUndefined();
    const unbound = policy.Statement.filter((statement) => statement.Condition === undefined).map((statement) => statement.Sid);
    expect(unbound.sort()).toEqual(['AuditEverythingNotPerUserScan', 'MoveOrderNotPerUserKeyFromNewCustomerId', 'OpenOrdersByPartiQlNotPerUserPartiQL', 'OrdersByStatusNotPerUserKeyFromStatus']);
    // Each one is explained.
    const notes = iamPolicyNotes(design, { region: REGION, account: ACCOUNT, leadingKeys: { variable } });
    expect(notes[0]).toContain('${aws:userid} in place of {{customerId}}');
    for (const sid of unbound) expect(notes.some((note) => note.includes(`(statement ${sid})`)), sid).toBe(true);
    expect(notes.find((note) => note.includes('OrdersByStatus'))).toContain('built from status');
    // An unbound grant of the same action on the same resource makes the condition moot: said so.
    expect(notes).toContain(
      'dynamodb:PutItem on the table is allowed for every caller by MoveOrderNotPerUserKeyFromNewCustomerId, so the per-user condition of PlaceOrder, CreateCustomer does not limit it; give those patterns a partition key built from the caller to keep them per-user.',
    );
    expect(notes.filter((note) => note.includes('does not limit it')).map((note) => note.split(' ')[0])).toEqual(['dynamodb:DeleteItem', 'dynamodb:PutItem']);
  });

  it('does not bind a request whose partition key it cannot read', () => {
    const model: DesignModel = {
      ...design,
      accessPatterns: [
        {
          id: 'q',
          name: 'Sort key only',
          operation: 'Query',
          index: 'gsi2',
          parameters: [{ name: 'customerId', type: 'S' }],
          request: { KeyConditionExpression: '#t = :t', ExpressionAttributeNames: { '#t': 'total' }, ExpressionAttributeValues: { ':t': { S: 'CUSTOMER#{{customerId}}' } } },
        },
      ],
    };
    const policy = iamPolicy(model, { leadingKeys: { variable: COGNITO_IDENTITY } });
    expect(policy.Statement.map((statement) => [statement.Sid, statement.Condition])).toEqual([['SortKeyOnlyNotPerUserKeyNotReadable', undefined]]);
    expect(iamPolicyNotes(model, { leadingKeys: { variable: COGNITO_IDENTITY } }).at(-1)).toContain('does not name a partition key value Tablesmith can read');
  });

  it('binds the identity to the parameter the user names, with the variable the user chooses', () => {
    const variable = identityVariable('principal-tag:team');
    expect(variable).toBe('${aws:PrincipalTag/team}');
    const policy = iamPolicy(design, { leadingKeys: { variable, attribute: 'status' } });
    const byStatus = policy.Statement.find((statement) => statement.Resource[0]?.endsWith('/index/ByStatus') && statement.Action.includes('dynamodb:Query'));
    expect(byStatus?.Condition).toEqual({ 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${aws:PrincipalTag/team}'] } });
    expect(policy.Statement.find((statement) => statement.Sid.startsWith('GetCustomer'))?.Sid).toBe('GetCustomerNotPerUserKeyFromCustomerId');
    for (const choice of IDENTITY_CHOICES) expect(identityVariable(choice.id)).toBe(choice.variable);
    expect(identityVariable('cognito')).toBe(COGNITO_IDENTITY);
    expect(identityVariable('${www.amazon.com:user_id}')).toBe('${www.amazon.com:user_id}');
    expect(() => identityVariable('bob')).toThrow(/unknown identity "bob": use one of cognito, userid/);
    expect(() => identityVariable('principal-tag:')).toThrow('is not an IAM tag key');
    expect(() => identityVariable('${a}"}')).toThrow('unknown identity');
  });

  it('keeps the social example per-user where its keys are USER#{{userId}}', () => {
    const policy = iamPolicy(social, { leadingKeys: { variable: COGNITO_IDENTITY } });
    const bySid = new Map(policy.Statement.map((statement) => [statement.Sid, statement]));
    expect(bySid.get('GetUserProfile')?.Condition).toEqual({ 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [`USER#${COGNITO_IDENTITY}`] } });
    // Recent posts share one GSI1 partition: kept, for every caller.
    expect(bySid.get('GetRecentPostsNotPerUserSharedKey')?.Resource[0]).toMatch(/\/index\/GSI1$/);
    expect(new Set(policy.Statement.flatMap((statement) => statement.Resource))).toEqual(new Set(iamPolicy(social).Statement.flatMap((statement) => statement.Resource)));
  });

  it('keeps hostile table, index and key text literal in ARNs and conditions', () => {
    const hostile = [...HOSTILE_NAMES, '${aws:username}', 'a*b?c', '__proto__', '$'];
    for (const name of hostile) {
      const model: DesignModel = {
        ...design,
        table: { ...design.table, name },
        globalSecondaryIndexes: design.globalSecondaryIndexes.map((index) => (index.id === 'gsi3' ? { ...index, name } : index)),
        entities: design.entities.map((entity) => ({ ...entity, keys: { ...entity.keys, partitionKey: `${name}#{{customerId}}` } })),
        accessPatterns: design.accessPatterns
          .filter((pattern) => pattern.id === 'p4' || pattern.id === 'p1')
          .map((pattern) => JSON.parse(JSON.stringify(pattern).replaceAll('CUSTOMER#', JSON.stringify(name).slice(1, -1) + '#')) as AccessPattern),
      };
      const policy = iamPolicy(model, { region: REGION, account: ACCOUNT, leadingKeys: { variable: '${aws:userid}' } });
      const resources = policy.Statement.flatMap((statement) => statement.Resource.map((resource) => iamLiteral(resource)));
      expect(resources.sort(), name).toEqual([`arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`, `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}/index/${name}`].sort());
      for (const statement of policy.Statement) {
        const [value = ''] = statement.Condition?.['ForAllValues:StringEquals']?.['dynamodb:LeadingKeys'] ?? [];
        const [before = '', after] = value.split('${aws:userid}');
        expect(after, name).toBe('');
        expect(iamLiteral(before, 'string-equals'), name).toBe(`${name}#`);
      }
    }
  });
});

describe('Markdown design document', () => {
  it('lists the table, indexes, entities with key templates and the access-pattern chart', () => {
    const markdown = designMarkdown(social);
    expect(markdown).toContain('## Table SocialMediaApp');
    expect(markdown).toContain('| GSI1 | GSI |');
    expect(markdown).toContain('| `PK` | `USER#{{userId}}` |');
    expect(markdown).toContain('## Access patterns');
    for (const pattern of social.accessPatterns) expect(markdown).toContain(markdownText(pattern.name));
  });

  it('keeps hostile names inside their cells', () => {
    const markdown = designMarkdown(hostileDesign());
    // Every row of a table has as many unescaped pipes as its header: nothing broke out of a cell.
    const pipes = (line: string): number => line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length;
    let header: number | undefined;
    for (const line of markdown.split('\n')) {
      if (!line.startsWith('|')) {
        header = undefined;
        continue;
      }
      header ??= pipes(line);
      expect(pipes(line), line).toBe(header);
    }
    expect(markdownText(HOSTILE_NAMES[3] ?? '')).not.toMatch(/[\n\u2028]/);
    expect(markdownCode('a`b')).toBe('`` a`b ``');
    expect(markdownText('<script>|x')).toBe('\\<script\\>\\|x');
  });
});

describe('NoSQL Workbench and OneTable exports', () => {
  it('writes a format 3.0 model with a facet per entity and the sample items', () => {
    const document = workbenchDocument(social, new Date('2025-01-01T00:00:00Z')) as { ModelMetadata: { Version: string }; DataModel: { TableFacets: { FacetName: string; KeyAttributeAlias: unknown; TableData: unknown[] }[]; TableData: unknown[] }[] };
    expect(document.ModelMetadata.Version).toBe('3.0');
    const table = document.DataModel[0];
    expect(table?.TableFacets.map((facet) => facet.FacetName)).toEqual(social.entities.map((entity) => entity.name));
    expect(table?.TableFacets[0]?.KeyAttributeAlias).toEqual({ PartitionKeyAlias: 'USER#{{userId}}', SortKeyAlias: 'PROFILE' });
    expect(table?.TableData.length).toBe(table?.TableFacets.reduce((sum, facet) => sum + facet.TableData.length, 0));
    expect(table?.TableData.length).toBeGreaterThan(0);
  });

  it('writes OneTable value templates', () => {
    const schema = oneTableSchema(social) as { models: Record<string, Record<string, { value?: string }>>; indexes: Record<string, unknown> };
    expect(schema.models.UserProfile?.PK?.value).toBe('USER#${userId}');
    expect(schema.indexes.primary).toEqual({ hash: 'PK', sort: 'SK' });
  });
});

describe('all exports', () => {
  it('zips every export under its own file name', () => {
    const options = { resource: 'table' as const, now: new Date('2025-01-01T00:00:00Z') };
    const files = unzipSync(exportAll(social, options));
    expect(Object.keys(files).sort()).toEqual(EXPORTS.map((definition) => definition.fileName(social, {})).sort());
    for (const definition of EXPORTS) {
      const file = files[definition.fileName(social, {})];
      expect(file && strFromU8(file)).toBe(definition.generate(social, options));
    }
  });
});
