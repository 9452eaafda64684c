import { describe, expect, it } from 'vitest';
import { socialMediaModel } from '../examples/socialMedia';
import { chartMarkdown, chartRows, spellOut } from './chart';
import type { SampleItem } from '../sampleData';

const model = socialMediaModel();

describe('access-pattern chart', () => {
  it('spells out names and values in expressions', () => {
    expect(
      spellOut('#pk = :pk AND begins_with(#sk, :sk)', {
        ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK' },
        ExpressionAttributeValues: { ':pk': { S: 'USER#{{userId}}' }, ':sk': { S: 'POST#' } },
      }),
    ).toBe('PK = "USER#{{userId}}" AND begins_with(SK, "POST#")');
  });

  it('has one row per pattern with its index, key condition and example values', () => {
    const samples: SampleItem[] = [
      { entityId: 'ent-userProfile', item: { PK: { S: 'USER#u7' }, SK: { S: 'PROFILE' }, userId: { S: 'u7' }, username: { S: 'ada' } } },
    ];
    const rows = chartRows(model, samples);
    expect(rows).toHaveLength(model.accessPatterns.length);
    expect(rows.find((r) => r.pattern === 'Find a user by username')).toEqual({
      pattern: 'Find a user by username',
      operation: 'Query',
      target: 'GSI2',
      keyCondition: 'GSI2PK = "{{username}}"',
      filter: '',
      examples: 'username = ada',
    });
    expect(rows.find((r) => r.pattern === 'Get user profile')?.keyCondition).toBe('PK = "USER#{{userId}}", SK = "PROFILE"');
    expect(rows.find((r) => r.pattern === 'Create a post and count it')?.keyCondition).toBe(
      'put PK = "USER#{{userId}}", SK = "POST#{{postId}}"; update PK = "USER#{{userId}}", SK = "PROFILE" ADD postsCount 1',
    );
  });

  it('renders a Markdown table and escapes pipes', () => {
    const withPipe = { ...model, accessPatterns: [{ ...model.accessPatterns[0]!, name: 'Get a|b' }] };
    const markdown = chartMarkdown(withPipe);
    expect(markdown.split('\n')).toEqual([
      '| Access pattern | Operation | Table / index | Key condition | Filter | Example values |',
      '| --- | --- | --- | --- | --- | --- |',
      '| Get a\\|b | GetItem | SocialMediaApp | `PK = "USER#{{userId}}", SK = "PROFILE"` |  | userId = ? |',
      '',
    ]);
  });
});
