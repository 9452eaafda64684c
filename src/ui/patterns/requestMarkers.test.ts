import { describe, expect, it } from 'vitest';
import { requestMarkers } from './requestMarkers';

describe('requestMarkers', () => {
  it('underlines the member a verdict is about', () => {
    const text = '{\n  "KeyConditionExpression": "GSI1PK = :p",\n  "Limit": 2\n}';
    const [marker] = requestMarkers(text, [{ level: 'error', code: 'keyCondition', message: 'wrong key' }]);
    expect(marker && text.slice(marker.start, marker.end)).toBe('"GSI1PK = :p"');
  });

  it('underlines every use of an undeclared placeholder and ignores notes', () => {
    const text = '{"Key": {"PK": {"S": "USER#{{who}}"}, "SK": {"S": "{{who}}"}}}';
    const markers = requestMarkers(text, [
      { level: 'error', code: 'parameters', message: 'Uses {{who}} without declaring it as a parameter' },
      { level: 'info', code: 'capacity', message: '≈ 1 RCU' },
    ]);
    expect(markers.map((m) => text.slice(m.start, m.end))).toEqual(['{{who}}', '{{who}}']);
  });

  it('underlines the member a verdict names, such as a mistyped filter inside a transaction', () => {
    const text = '{"TransactItems": [{"Update": {"Key": {}, "UpdateExpression": "SET totl = :t"}}], "FilterExpression": "x"}';
    const [marker] = requestMarkers(text, [
      { level: 'warning', code: 'attributes', at: 'request/TransactItems/0/Update/UpdateExpression', message: 'UpdateExpression names totl' },
    ]);
    expect(marker && text.slice(marker.start, marker.end)).toBe('"SET totl = :t"');
  });
});
