import type { AccessPattern } from '../types';

// The seed guide's access patterns for SocialMediaApp, in DynamoDB's wire shape. Ids and
// usernames carry no `example`: the designer takes them from the sample data so every
// pattern returns items whatever the sample seed.
export const socialMediaPatterns: AccessPattern[] = [
  {
    id: 'ap-getUserProfile',
    name: 'Get user profile',
    description: "One user's profile item.",
    operation: 'GetItem',
    entity: 'ent-userProfile',
    parameters: [{ name: 'userId', type: 'S' }],
    request: {
      Key: { PK: { S: 'USER#{{userId}}' }, SK: { S: 'PROFILE' } },
    },
  },
  {
    id: 'ap-getUserPosts',
    name: "Get a user's posts",
    description: "A user's posts, newest first, 20 per page.",
    operation: 'Query',
    entity: 'ent-post',
    parameters: [{ name: 'userId', type: 'S' }],
    request: {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': { S: 'USER#{{userId}}' }, ':sk': { S: 'POST#' } },
      ScanIndexForward: false,
      Limit: 20,
    },
  },
  {
    id: 'ap-getPostLikes',
    name: 'Get likes for a post',
    description: 'Everyone who liked a post.',
    operation: 'Query',
    entity: 'ent-like',
    parameters: [{ name: 'postId', type: 'S' }],
    request: {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': { S: 'POST#{{postId}}' }, ':sk': { S: 'LIKE#' } },
    },
  },
  {
    id: 'ap-getUserFollowers',
    name: "Get a user's followers",
    description: 'The follower items in a user’s item collection.',
    operation: 'Query',
    entity: 'ent-follower',
    parameters: [{ name: 'userId', type: 'S' }],
    request: {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': { S: 'USER#{{userId}}' }, ':sk': { S: 'FOLLOWER#' } },
    },
  },
  {
    id: 'ap-getRecentPosts',
    name: 'Get recent posts',
    description: 'All posts ordered by creation time, newest first (GSI1).',
    operation: 'Query',
    index: 'gsi-GSI1',
    entity: 'ent-postMetadata',
    parameters: [],
    request: {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': { S: 'POST' } },
      ScanIndexForward: false,
      Limit: 50,
    },
  },
  {
    id: 'ap-findUserByUsername',
    name: 'Find a user by username',
    description: 'Username lookup for sign-in and mentions (GSI2, keys only).',
    operation: 'Query',
    index: 'gsi-GSI2',
    entity: 'ent-userProfile',
    parameters: [{ name: 'username', type: 'S' }],
    request: {
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :username',
      ExpressionAttributeValues: { ':username': { S: '{{username}}' } },
      Limit: 1,
    },
  },
  {
    id: 'ap-getTrendingPosts',
    name: 'Get trending posts since a date',
    description: 'Posts with a status, created after a date (GSI3, selected attributes).',
    operation: 'Query',
    index: 'gsi-GSI3',
    entity: 'ent-postMetadata',
    parameters: [
      { name: 'status', type: 'S', example: 'TRENDING' },
      { name: 'since', type: 'S', example: '2024-06-01T00:00:00Z' },
    ],
    request: {
      IndexName: 'GSI3',
      KeyConditionExpression: 'GSI3PK = :status AND GSI3SK > :since',
      ExpressionAttributeValues: { ':status': { S: '{{status}}' }, ':since': { S: '{{since}}' } },
    },
  },
  {
    id: 'ap-createPost',
    name: 'Create a post and count it',
    description: "Writes a post and adds 1 to the author's postsCount in one transaction.",
    operation: 'TransactWriteItems',
    entity: 'ent-post',
    parameters: [
      { name: 'userId', type: 'S' },
      { name: 'postId', type: 'S', example: 'post-new-0001' },
      { name: 'description', type: 'S', example: 'New post' },
    ],
    request: {
      TransactItems: [
        {
          Put: {
            Item: {
              PK: { S: 'USER#{{userId}}' },
              SK: { S: 'POST#{{postId}}' },
              postId: { S: '{{postId}}' },
              userId: { S: '{{userId}}' },
              description: { S: '{{description}}' },
            },
          },
        },
        {
          Update: {
            Key: { PK: { S: 'USER#{{userId}}' }, SK: { S: 'PROFILE' } },
            UpdateExpression: 'ADD postsCount :inc',
            ExpressionAttributeValues: { ':inc': { N: '1' } },
          },
        },
      ],
    },
  },
  {
    id: 'ap-batchWritePost',
    name: 'Batch write a post and its metadata',
    description: 'The seed’s batch write: the post in the author’s collection and its metadata item.',
    operation: 'BatchWriteItem',
    entity: 'ent-post',
    parameters: [
      { name: 'userId', type: 'S' },
      { name: 'postId', type: 'S', example: 'post-new-0002' },
      { name: 'description', type: 'S', example: 'Beautiful sunset' },
      { name: 'createdAt', type: 'S', example: '2026-12-01T09:00:00.000Z' },
      { name: 'status', type: 'S', example: 'ACTIVE' },
    ],
    request: {
      RequestItems: {
        '{{table}}': [
          {
            PutRequest: {
              Item: {
                PK: { S: 'USER#{{userId}}' },
                SK: { S: 'POST#{{postId}}' },
                postId: { S: '{{postId}}' },
                userId: { S: '{{userId}}' },
                description: { S: '{{description}}' },
              },
            },
          },
          {
            PutRequest: {
              Item: {
                PK: { S: 'POST#{{postId}}' },
                SK: { S: 'METADATA' },
                // Its GSI keys, so the new post shows in "Get recent posts" and the trending index.
                GSI1PK: { S: 'POST' },
                GSI1SK: { S: '{{createdAt}}' },
                GSI3PK: { S: '{{status}}' },
                GSI3SK: { S: '{{createdAt}}' },
                postId: { S: '{{postId}}' },
                userId: { S: '{{userId}}' },
                description: { S: '{{description}}' },
                createdAt: { S: '{{createdAt}}' },
                status: { S: '{{status}}' },
                tags: { SS: ['sunset', 'photography'] },
              },
            },
          },
        ],
      },
    },
  },
  {
    id: 'ap-batchGetProfilesAndPost',
    name: 'Batch get a profile and a post',
    description: 'The seed’s batch get: a user profile and a post’s metadata in one round trip.',
    operation: 'BatchGetItem',
    entity: 'ent-postMetadata',
    parameters: [
      { name: 'userId', type: 'S' },
      { name: 'postId', type: 'S' },
    ],
    request: {
      RequestItems: {
        '{{table}}': {
          Keys: [
            { PK: { S: 'USER#{{userId}}' }, SK: { S: 'PROFILE' } },
            { PK: { S: 'POST#{{postId}}' }, SK: { S: 'METADATA' } },
          ],
        },
      },
    },
  },
];
