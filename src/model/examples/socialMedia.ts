// The seed guide's SocialMediaApp, as its `singleTableSchema`, GSI configuration, capacity,
// auto-scaling, streams and encryption sections describe it. Attributes the seed's key
// templates and GSI examples imply (ids, createdAt, status, title) are declared so every
// template renders.
import { MODEL_VERSION, type DesignModel } from '../types';
import { attribute, entity, ref, relationship } from './build';
import { socialMediaPatterns } from './socialMedia.patterns';

const autoScaling = (maxCapacity: number) => ({
  minCapacity: 5,
  maxCapacity,
  targetUtilization: 70,
  scaleOutCooldownSeconds: 60,
  scaleInCooldownSeconds: 300,
});

const since = { from: '2024-01-01T00:00:00Z', to: '2024-12-31T23:59:59Z' };

export function socialMediaModel(): DesignModel {
  return {
    version: MODEL_VERSION,
    name: 'SocialMediaApp',
    description: 'The single-table social media design from the DynamoDB deep-dive guide.',
    table: {
      name: 'SocialMediaApp',
      partitionKey: { name: 'PK', type: 'S' },
      sortKey: { name: 'SK', type: 'S' },
      billing: {
        mode: 'PROVISIONED',
        read: { units: 100, autoScaling: autoScaling(1000) },
        write: { units: 50, autoScaling: autoScaling(500) },
      },
      streamViewType: 'NEW_AND_OLD_IMAGES',
      deletionProtection: false,
      pointInTimeRecovery: false,
      encryption: { type: 'AWS_MANAGED' },
      tableClass: 'STANDARD',
      tags: [],
    },
    globalSecondaryIndexes: [
      {
        id: 'gsi-GSI1',
        name: 'GSI1',
        partitionKey: { name: 'GSI1PK', type: 'S' },
        sortKey: { name: 'GSI1SK', type: 'S' },
        projection: { type: 'ALL' },
      },
      {
        id: 'gsi-GSI2',
        name: 'GSI2',
        partitionKey: { name: 'GSI2PK', type: 'S' },
        sortKey: { name: 'GSI2SK', type: 'S' },
        projection: { type: 'KEYS_ONLY' },
      },
      {
        id: 'gsi-GSI3',
        name: 'GSI3',
        partitionKey: { name: 'GSI3PK', type: 'S' },
        sortKey: { name: 'GSI3SK', type: 'S' },
        projection: { type: 'INCLUDE', nonKeyAttributes: ['PK', 'SK', 'userId', 'title'] },
      },
    ],
    localSecondaryIndexes: [],
    entities: [
      entity({
        id: 'ent-userProfile',
        name: 'UserProfile',
        description: 'A user profile: one item per user.',
        keys: {
          partitionKey: 'USER#{{userId}}',
          sortKey: 'PROFILE',
          indexes: {
            'gsi-GSI1': { partitionKey: 'USER', sortKey: '{{createdAt}}' },
            'gsi-GSI2': { partitionKey: '{{username}}', sortKey: 'USER#{{userId}}' },
          },
        },
        attributes: (id) => [
          attribute(id, 'userId', 'S', { kind: 'uuid' }),
          attribute(id, 'username', 'S', { kind: 'username' }),
          attribute(id, 'email', 'S', { kind: 'email' }),
          attribute(id, 'bio', 'S', { kind: 'sentence', words: 6 }, { required: false }),
          attribute(id, 'followersCount', 'N', { kind: 'count', relationship: 'rel-follower-user' }),
          attribute(id, 'postsCount', 'N', { kind: 'count', relationship: 'rel-post-user' }),
          attribute(id, 'createdAt', 'S', { kind: 'isoDate', ...since }),
        ],
        sampleCount: 50,
      }),
      entity({
        id: 'ent-post',
        name: 'Post',
        description: "A post in its author's item collection.",
        keys: { partitionKey: 'USER#{{userId}}', sortKey: 'POST#{{postId}}' },
        relationships: [relationship('rel-post-user', 'author', 'ent-userProfile', 'many-to-one', { userId: 'userId' })],
        attributes: (id) => [
          attribute(id, 'userId', 'S', ref('rel-post-user', 'userId')),
          attribute(id, 'postId', 'S', { kind: 'ulid' }, { description: 'A ULID, so POST# sort keys run oldest to newest.' }),
          attribute(id, 'description', 'S', { kind: 'sentence', words: 8 }),
          attribute(id, 'imageUrl', 'S', { kind: 'url' }),
          attribute(id, 'likesCount', 'N', { kind: 'count', relationship: 'rel-like-post' }),
          attribute(id, 'createdAt', 'S', { kind: 'isoDate', ...since }),
        ],
        sampleCount: 200,
      }),
      entity({
        id: 'ent-postMetadata',
        name: 'PostMetadata',
        description: "A post's metadata in the post's own item collection.",
        keys: {
          partitionKey: 'POST#{{postId}}',
          sortKey: 'METADATA',
          indexes: {
            'gsi-GSI1': { partitionKey: 'POST', sortKey: '{{createdAt}}' },
            'gsi-GSI3': { partitionKey: '{{status}}', sortKey: '{{createdAt}}' },
          },
        },
        relationships: [
          relationship('rel-postMetadata-post', 'post', 'ent-post', 'one-to-one', {
            postId: 'postId',
            userId: 'userId',
            description: 'description',
            imageUrl: 'imageUrl',
            createdAt: 'createdAt',
          }),
        ],
        attributes: (id) => [
          attribute(id, 'postId', 'S', ref('rel-postMetadata-post', 'postId')),
          attribute(id, 'userId', 'S', ref('rel-postMetadata-post', 'userId')),
          attribute(id, 'title', 'S', { kind: 'sentence', words: 3 }, { required: false }),
          attribute(id, 'description', 'S', ref('rel-postMetadata-post', 'description')),
          attribute(id, 'imageUrl', 'S', ref('rel-postMetadata-post', 'imageUrl')),
          attribute(id, 'tags', 'SS', {
            kind: 'set',
            of: { kind: 'enum', values: ['sunset', 'photography', 'coffee', 'travel', 'food', 'nature'] },
            min: 1,
            max: 3,
          }),
          attribute(id, 'status', 'S', { kind: 'enum', values: ['ACTIVE', 'ACTIVE', 'ACTIVE', 'TRENDING'] }),
          attribute(id, 'createdAt', 'S', ref('rel-postMetadata-post', 'createdAt')),
        ],
        sampleCount: 200,
      }),
      entity({
        id: 'ent-like',
        name: 'Like',
        description: 'A like of a post, in the post’s item collection.',
        keys: { partitionKey: 'POST#{{postId}}', sortKey: 'LIKE#USER#{{userId}}' },
        relationships: [
          relationship('rel-like-post', 'post', 'ent-post', 'many-to-one', { postId: 'postId' }),
          relationship('rel-like-user', 'liker', 'ent-userProfile', 'many-to-one', { userId: 'userId' }),
        ],
        attributes: (id) => [
          attribute(id, 'postId', 'S', ref('rel-like-post', 'postId')),
          attribute(id, 'userId', 'S', ref('rel-like-user', 'userId')),
          attribute(id, 'timestamp', 'S', { kind: 'isoDate', ...since }),
        ],
        sampleCount: 600,
      }),
      entity({
        id: 'ent-comment',
        name: 'Comment',
        description: 'A comment on a post, in the post’s item collection.',
        keys: { partitionKey: 'POST#{{postId}}', sortKey: 'COMMENT#{{commentId}}' },
        relationships: [
          relationship('rel-comment-post', 'post', 'ent-post', 'many-to-one', { postId: 'postId' }),
          relationship('rel-comment-user', 'author', 'ent-userProfile', 'many-to-one', { userId: 'userId' }),
        ],
        attributes: (id) => [
          attribute(id, 'postId', 'S', ref('rel-comment-post', 'postId')),
          attribute(id, 'commentId', 'S', { kind: 'ulid' }),
          attribute(id, 'userId', 'S', ref('rel-comment-user', 'userId')),
          attribute(id, 'content', 'S', { kind: 'sentence', words: 10 }),
          attribute(id, 'createdAt', 'S', { kind: 'isoDate', ...since }),
        ],
        sampleCount: 300,
      }),
      entity({
        id: 'ent-follower',
        name: 'Follower',
        description: "Someone who follows the user, in the followed user's item collection.",
        keys: { partitionKey: 'USER#{{userId}}', sortKey: 'FOLLOWER#{{followerId}}' },
        relationships: [
          relationship('rel-follower-user', 'followed', 'ent-userProfile', 'many-to-one', { userId: 'userId' }),
          relationship('rel-follower-follower', 'follower', 'ent-userProfile', 'many-to-one', { followerId: 'userId' }),
        ],
        attributes: (id) => [
          attribute(id, 'userId', 'S', ref('rel-follower-user', 'userId')),
          attribute(id, 'followerId', 'S', ref('rel-follower-follower', 'userId')),
          attribute(id, 'followedAt', 'S', { kind: 'isoDate', ...since }),
        ],
        sampleCount: 300,
      }),
      entity({
        id: 'ent-following',
        name: 'Following',
        description: "Someone the user follows, in the follower's item collection: the mirror of a Follower item.",
        keys: { partitionKey: 'USER#{{userId}}', sortKey: 'FOLLOWING#{{followingId}}' },
        relationships: [
          relationship('rel-following-follower', 'mirror', 'ent-follower', 'one-to-one', {
            userId: 'followerId',
            followingId: 'userId',
            followedAt: 'followedAt',
          }),
        ],
        attributes: (id) => [
          attribute(id, 'userId', 'S', ref('rel-following-follower', 'followerId')),
          attribute(id, 'followingId', 'S', ref('rel-following-follower', 'userId')),
          attribute(id, 'followedAt', 'S', ref('rel-following-follower', 'followedAt')),
        ],
        sampleCount: 300,
      }),
    ],
    accessPatterns: socialMediaPatterns,
    sampleSeed: 1,
  };
}
