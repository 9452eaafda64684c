import { describe, expect, it } from 'vitest';
import { requestDraftProblem } from './requestDraft';

describe('requestDraftProblem', () => {
  it('says the line and column where the JSON breaks', () => {
    expect(requestDraftProblem('{\n  "TableName": "Shop",\n  "Limit": 5,\n}')).toBe('The request JSON does not parse at line 4, column 1');
    expect(requestDraftProblem('{\n  "FilterExpression": "a = :a"\n  "Limit": 5\n}')).toBe('The request JSON does not parse at line 3, column 3');
    expect(requestDraftProblem('')).toBe('The request JSON does not parse at line 1, column 1');
  });

  it('asks for an object, and has nothing to say about one', () => {
    expect(requestDraftProblem('[1, 2]')).toBe('The request JSON is not an object ({ … })');
    expect(requestDraftProblem('"text"')).toBe('The request JSON is not an object ({ … })');
    expect(requestDraftProblem('{ "__proto__": { "S": "x" }, "constructor": 1 }')).toBeUndefined();
  });
});
