import { describe, expect, it, vi } from 'vitest';
import { defaultModel } from '../model/examples';

vi.mock('../model/validate', () => ({
  validateModel: () => {
    throw new Error('validator bug');
  },
}));
vi.mock('../model/sampleData', () => ({
  generateSampleItems: () => {
    throw new Error('generator bug');
  },
}));

describe('deriveDesign', () => {
  it('turns a failing validator or generator into issues instead of losing the edit', async () => {
    const { deriveDesign } = await import('./derive');
    const { issues, sampleItems } = deriveDesign(defaultModel());
    expect(sampleItems).toEqual([]);
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'validation.failed', message: 'The design could not be checked: validator bug' }),
      expect.objectContaining({ severity: 'error', code: 'sample.failed', message: 'Sample items could not be generated: generator bug' }),
    ]);

    const { useDesignStore } = await import('./designStore');
    useDesignStore.getState().updateModel('Rename model', (m) => ({ ...m, name: 'Still saved' }));
    expect(useDesignStore.getState().model.name).toBe('Still saved');
    expect(useDesignStore.getState().canUndo).toBe(true);
  });
});
