// The request mix bench:serve sends to every endpoint: the seed's SocialMediaApp table
// (PK/SK with GSI1 for recent posts) and its item shapes, with attribute sizes like a real
// feed's (a post is ~450 bytes, a comment ~250, a like ~90).
import type {
  AttributeValue,
  BatchWriteItemCommandInput,
  PutItemCommandInput,
  QueryCommandInput,
} from '@aws-sdk/client-dynamodb';

export type Operation = 'put' | 'query' | 'batch';

type Item = Record<string, AttributeValue>;

/** Users whose post partitions the Query phase reads; seeded before any timed phase. */
export const SEEDED_USERS = 50;
export const SEEDED_POSTS_PER_USER = 40;
export const BATCH_SIZE = 25;


const WORDS = 'sunset beach coffee morning friends hiking city lights weekend trip mountain lake street food concert rain garden market sunrise bridge harbour'.split(' ');

/** Deterministic prose of `length` words, varied by `seed`, so items differ without an RNG in the timed loop. */
function prose(seed: number, length: number): string {
  return Array.from({ length }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]).join(' ');
}

function timestamp(seed: number): string {
  return new Date(Date.UTC(2024, 0, 1) + seed * 60_000).toISOString();
}

export function userPost(user: number, post: number): Item {
  const createdAt = timestamp(post);
  const postId = `${user}-${post}`;
  return {
    PK: { S: `USER#${user}` },
    SK: { S: `POST#${String(post).padStart(8, '0')}` },
    GSI1PK: { S: 'POST' },
    GSI1SK: { S: `${createdAt}#${postId}` },
    postId: { S: postId },
    description: { S: prose(user + post, 30) },
    imageUrl: { S: `https://images.example.com/u/${user}/p/${postId}.jpg` },
    likesCount: { N: String((user * 7 + post) % 500) },
    tags: { SS: [WORDS[post % WORDS.length] as string, WORDS[(post + 3) % WORDS.length] as string] },
    createdAt: { S: createdAt },
  };
}

function postLike(post: string, user: number, seq: number): Item {
  return { PK: { S: `POST#${post}` }, SK: { S: `LIKE#USER#${user}` }, timestamp: { S: timestamp(seq) } };
}

function postComment(post: string, comment: number, user: number): Item {
  return {
    PK: { S: `POST#${post}` },
    SK: { S: `COMMENT#${String(comment).padStart(8, '0')}` },
    userId: { S: String(user) },
    content: { S: prose(comment, 18) },
    createdAt: { S: timestamp(comment) },
  };
}

/** Every write of request `i` has keys of its own, so each phase inserts rather than overwrites. */
export function putItemInput(table: string, i: number): PutItemCommandInput {
  return { TableName: table, Item: userPost(1_000 + (i % 500), i) };
}

export function queryInput(table: string, i: number): QueryCommandInput {
  return {
    TableName: table,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
    ExpressionAttributeValues: { ':pk': { S: `USER#${i % SEEDED_USERS}` }, ':p': { S: 'POST#' } },
    Limit: 20,
  };
}

/** A full batch as a feed produces it: 5 new posts, each with 2 likes and 2 comments. */
export function batchWriteInput(table: string, i: number): BatchWriteItemCommandInput {
  const items: Item[] = [];
  for (let p = 0; p < BATCH_SIZE / 5; p++) {
    const seq = i * 5 + p;
    const user = 5_000 + (seq % 500);
    items.push(userPost(user, seq));
    const postId = `${user}-${seq}`;
    items.push(postLike(postId, seq % 997, seq), postLike(postId, (seq + 1) % 997, seq + 1));
    items.push(postComment(postId, seq * 2, seq % 991), postComment(postId, seq * 2 + 1, (seq + 5) % 991));
  }
  return { RequestItems: { [table]: items.map((Item) => ({ PutRequest: { Item } })) } };
}

/** The seed the Query phase reads: SEEDED_USERS partitions of SEEDED_POSTS_PER_USER posts. */
export function seedBatches(table: string): BatchWriteItemCommandInput[] {
  const batches: BatchWriteItemCommandInput[] = [];
  for (let user = 0; user < SEEDED_USERS; user++) {
    for (let first = 0; first < SEEDED_POSTS_PER_USER; first += BATCH_SIZE) {
      const posts = Array.from({ length: Math.min(BATCH_SIZE, SEEDED_POSTS_PER_USER - first) }, (_, i) => userPost(user, first + i));
      batches.push({ RequestItems: { [table]: posts.map((Item) => ({ PutRequest: { Item } })) } });
    }
  }
  return batches;
}
