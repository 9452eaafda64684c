import { describe, expect, it } from 'vitest';
import { placeholderAt } from '../../model/keyTemplate';
import { insertPlaceholder } from './KeyTemplateInput';

function complete(text: string, caret: number, name: string) {
  const at = placeholderAt(text, caret);
  if (!at) throw new Error('no placeholder at the caret');
  return insertPlaceholder(text, at, name);
}

describe('insertPlaceholder', () => {
  it('closes a placeholder just opened and puts the caret after it', () => {
    expect(complete('USER#{{', 7, 'userId')).toEqual({ text: 'USER#{{userId}}', caret: 15 });
  });

  it('replaces a partly typed name, keeping an existing closing brace pair', () => {
    expect(complete('USER#{{us}}#PROFILE', 9, 'userId')).toEqual({ text: 'USER#{{userId}}#PROFILE', caret: 15 });
  });

  it('completes the placeholder under the caret, not an earlier one', () => {
    const text = 'POST#{{createdAt}}#{{po';
    expect(complete(text, text.length, 'postId').text).toBe('POST#{{createdAt}}#{{postId}}');
  });
});
