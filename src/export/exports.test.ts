import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { examples } from '../model/examples';
import type { DesignModel } from '../model/types';
import { COGNITO_IDENTITY, iamPolicy } from './iamPolicy';
import { EXPORTS, exportAll } from './index';
import { designMarkdown, markdownCode, markdownText } from './markdown';
import { oneTableSchema } from './oneTable';
import { HOSTILE_NAMES, hostileDesign } from './testing/designs';
import { workbenchDocument } from './workbench';

const social = examples.find((example) => example.id === 'social-media')?.model as DesignModel;

describe('IAM policy', () => {
  it('grants each pattern exactly its actions on the table or the index it reads', () => {
    const policy = iamPolicy(social, { region: 'eu-west-1', account: '123456789012' });
    const table = 'arn:aws:dynamodb:eu-west-1:123456789012:table/SocialMediaApp';
    const byAction = new Map<string, Set<string>>();
    for (const statement of policy.Statement) {
      for (const action of statement.Action) for (const resource of statement.Resource) byAction.set(action, (byAction.get(action) ?? new Set()).add(resource));
    }
    expect(Object.fromEntries([...byAction].map(([action, resources]) => [action, [...resources].sort()]))).toEqual({
      'dynamodb:GetItem': [table],
      'dynamodb:Query': [table, `${table}/index/GSI1`, `${table}/index/GSI2`, `${table}/index/GSI3`],
      // The transaction puts a post and updates the author's count.
      'dynamodb:PutItem': [table],
      'dynamodb:UpdateItem': [table],
      'dynamodb:BatchWriteItem': [table],
      'dynamodb:BatchGetItem': [table],
    });
    expect(policy.Statement.every((statement) => /^[A-Za-z0-9]+$/.test(statement.Sid))).toBe(true);
  });

  it('binds partition keys to the caller with dynamodb:LeadingKeys on request', () => {
    const policy = iamPolicy(social, { leadingKeys: { variable: COGNITO_IDENTITY } });
    // Only the patterns on a user's own item collection (USER#{{userId}}) remain, each bound to the caller.
    const kept = policy.Statement.map((statement) => statement.Sid);
    expect(kept).toContain('GetUserProfile');
    expect(kept).not.toContain('GetLikesForAPost');
    for (const statement of policy.Statement) {
      expect(statement.Condition, statement.Sid).toEqual({ 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [`USER#${COGNITO_IDENTITY}`] } });
    }
  });

  it('maps scans and PartiQL to their own actions, and leaves them out of per-user policies', () => {
    const model: DesignModel = {
      ...social,
      accessPatterns: [
        { id: 's', name: 'Everything', operation: 'Scan', parameters: [], request: {} },
        { id: 'q', name: 'By PartiQL', operation: 'ExecuteStatement', parameters: [], request: { Statement: 'SELECT * FROM "SocialMediaApp"."GSI1"' } },
      ],
    };
    expect(iamPolicy(model).Statement.map((statement) => [statement.Action, statement.Resource[0]?.split('/').slice(1).join('/')])).toEqual([
      [['dynamodb:Scan'], 'SocialMediaApp'],
      [['dynamodb:PartiQLSelect'], 'SocialMediaApp/index/GSI1'],
    ]);
    expect(iamPolicy(model, { leadingKeys: { variable: COGNITO_IDENTITY } }).Statement).toEqual([]);
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
