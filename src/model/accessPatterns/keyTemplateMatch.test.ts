import { describe, expect, it } from 'vitest';
import { templateAdmitsPrefix, templatesOverlap } from './keyTemplateMatch';

describe('key template matching', () => {
  it('matches templates against templated and literal values', () => {
    expect(templatesOverlap('USER#{{userId}}', 'USER#{{userId}}')).toBe(true);
    expect(templatesOverlap('USER#{{userId}}', 'USER#42')).toBe(true);
    expect(templatesOverlap('USER#{{userId}}', 'POST#42')).toBe(false);
    expect(templatesOverlap('PROFILE', 'PROFILE')).toBe(true);
    expect(templatesOverlap('PROFILE', 'PROFILES')).toBe(false);
    expect(templatesOverlap('{{username}}', 'ada')).toBe(true);
    expect(templatesOverlap('USER#{{userId}}', 'USER#')).toBe(false);
    expect(templatesOverlap('POST#{{date}}#{{id}}', 'POST#{{date}}#{{postId}}')).toBe(true);
    expect(templatesOverlap('POST#{{date}}#{{id}}', 'POST#{{postId}}')).toBe(false);
  });

  it('decides whether a begins_with prefix can select an entity', () => {
    expect(templateAdmitsPrefix('FOLLOWER#{{followerId}}', 'FOLLOW')).toBe(true);
    expect(templateAdmitsPrefix('FOLLOWING#{{followingId}}', 'FOLLOWER#')).toBe(false);
    expect(templateAdmitsPrefix('LIKE#USER#{{userId}}', 'LIKE#USER#12')).toBe(true);
    expect(templateAdmitsPrefix('METADATA', 'POST#')).toBe(false);
    expect(templateAdmitsPrefix('POST#{{postId}}', '')).toBe(true);
  });
});

describe('key segments', () => {
  it('does not let a placeholder swallow a # separator', () => {
    expect(templatesOverlap('TENANT#{{tenantId}}#AUDIT', 'TENANT#{{tenantId}}')).toBe(false);
    expect(templatesOverlap('TENANT#{{tenantId}}#PROJECT#{{projectId}}', 'TENANT#t1')).toBe(false);
    expect(templateAdmitsPrefix('TENANT#{{tenantId}}#AUDIT', 'TENANT#t1')).toBe(true);
    expect(templateAdmitsPrefix('{{occurredAt}}#{{eventId}}', 'USER#')).toBe(true);
    expect(templateAdmitsPrefix('{{occurredAt}}#{{eventId}}', 'USER#x#')).toBe(false);
  });
});
