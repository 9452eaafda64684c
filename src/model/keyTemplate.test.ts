import { describe, expect, it } from 'vitest';
import {
  keyText,
  parseKeyTemplate,
  placeholderAt,
  renderKeyTemplate,
  templatePlaceholders,
  templatePrefix,
  templateSuffix,
} from './keyTemplate';

describe('parseKeyTemplate', () => {
  it('splits literals and placeholders with offsets', () => {
    expect(parseKeyTemplate('POST#{{createdAt}}#{{postId}}')).toEqual({
      parts: [
        { kind: 'literal', text: 'POST#', start: 0, end: 5 },
        { kind: 'placeholder', name: 'createdAt', start: 5, end: 18 },
        { kind: 'literal', text: '#', start: 18, end: 19 },
        { kind: 'placeholder', name: 'postId', start: 19, end: 29 },
      ],
      errors: [],
    });
  });

  it('reads a constant as one literal and the empty text as no parts', () => {
    expect(parseKeyTemplate('PROFILE').parts).toEqual([{ kind: 'literal', text: 'PROFILE', start: 0, end: 7 }]);
    expect(parseKeyTemplate('')).toEqual({ parts: [], errors: [] });
  });

  it('trims spaces inside braces', () => {
    expect(parseKeyTemplate('{{ userId }}').parts).toEqual([{ kind: 'placeholder', name: 'userId', start: 0, end: 12 }]);
  });

  it('locates an unclosed placeholder and keeps it as literal text', () => {
    const parsed = parseKeyTemplate('USER#{{userId');
    expect(parsed.errors).toEqual([{ message: '"{{" at character 6 is not closed with "}}"', start: 5, end: 13 }]);
    expect(parsed.parts).toEqual([{ kind: 'literal', text: 'USER#{{userId', start: 0, end: 13 }]);
  });

  it('reports an unclosed placeholder followed by a good one', () => {
    const parsed = parseKeyTemplate('A{{x#{{y}}');
    expect(parsed.errors.map((e) => [e.start, e.end])).toEqual([[1, 5]]);
    expect(parsed.parts.filter((p) => p.kind === 'placeholder')).toEqual([
      { kind: 'placeholder', name: 'y', start: 5, end: 10 },
    ]);
  });

  it('reports empty placeholders and stray closing braces', () => {
    expect(parseKeyTemplate('A{{ }}B').errors).toEqual([
      { message: 'empty placeholder "{{}}" at character 2', start: 1, end: 6 },
    ]);
    expect(parseKeyTemplate('A}}').errors).toEqual([
      { message: '"}}" at character 2 has no matching "{{"', start: 1, end: 3 },
    ]);
  });
});

describe('renderKeyTemplate', () => {
  it('renders from plain values and wire-shape values', () => {
    expect(renderKeyTemplate('USER#{{userId}}', { userId: '123' })).toBe('USER#123');
    expect(renderKeyTemplate('POST#{{createdAt}}#{{postId}}', { createdAt: { S: '2024-01-15' }, postId: { S: 'p1' } })).toBe(
      'POST#2024-01-15#p1',
    );
    expect(renderKeyTemplate('{{n}}', { n: { N: '42' } })).toBe('42');
    expect(renderKeyTemplate('PROFILE', {})).toBe('PROFILE');
  });

  it('is undefined when an attribute is missing or has no key text', () => {
    expect(renderKeyTemplate('USER#{{userId}}', {})).toBeUndefined();
    expect(renderKeyTemplate('{{tags}}', { tags: { SS: ['a'] } as never })).toBeUndefined();
  });

  it('accepts a parsed template', () => {
    expect(renderKeyTemplate(parseKeyTemplate('A#{{b}}'), { b: 1 })).toBe('A#1');
  });
});

describe('helpers', () => {
  it('lists placeholders once each', () => {
    expect(templatePlaceholders('{{a}}#{{b}}#{{a}}')).toEqual(['a', 'b']);
  });

  it('finds literal prefix and suffix', () => {
    const { parts } = parseKeyTemplate('ORDER#{{id}}#ITEM');
    expect(templatePrefix(parts)).toBe('ORDER#');
    expect(templateSuffix(parts)).toBe('#ITEM');
    expect(templatePrefix(parseKeyTemplate('PROFILE').parts)).toBe('PROFILE');
  });

  it('converts scalar values to key text', () => {
    expect(keyText({ BOOL: false })).toBe('false');
    expect(keyText({ B: 'AAE=' })).toBe('AAE=');
    expect(keyText(undefined)).toBeUndefined();
  });

  it('finds the placeholder under the caret for autocompletion', () => {
    expect(placeholderAt('USER#{{us', 9)).toEqual({ prefix: 'us', start: 7, end: 9 });
    expect(placeholderAt('USER#{{us}}', 9)).toEqual({ prefix: 'us', start: 7, end: 9 });
    expect(placeholderAt('USER#{{userId}}', 15)).toBeUndefined();
    expect(placeholderAt('USER#', 5)).toBeUndefined();
  });
});
