import { describe, expect, it } from 'vitest';
import { socialMediaModel } from '../examples/socialMedia';
import type { SampleItem } from '../sampleData';
import { exampleParameters } from './samples';

const model = socialMediaModel();
const posts = model.accessPatterns.find((p) => p.id === 'ap-getUserPosts');
const trending = model.accessPatterns.find((p) => p.id === 'ap-getTrendingPosts');

const post = (userId: string, postId: string): SampleItem => ({
  entityId: 'ent-post',
  item: { PK: { S: `USER#${userId}` }, SK: { S: `POST#${postId}` }, userId: { S: userId }, postId: { S: postId } },
});

describe('exampleParameters', () => {
  it("takes ids from the fullest item collection of the pattern's entity", () => {
    const samples = [
      { entityId: 'ent-userProfile', item: { PK: { S: 'USER#lonely' }, SK: { S: 'PROFILE' }, userId: { S: 'lonely' } } },
      post('busy', '1'),
      post('quiet', '2'),
      post('busy', '3'),
    ];
    expect(posts && exampleParameters(model, posts, samples)).toEqual({ userId: 'busy' });
  });

  it('prefers declared examples and leaves unknown parameters out', () => {
    expect(trending && exampleParameters(model, trending, [])).toEqual({ status: 'TRENDING', since: '2024-06-01T00:00:00Z' });
    expect(posts && exampleParameters(model, posts, [])).toEqual({});
  });
});
