import { describe, expect, it } from 'vitest';
import { blankModel } from './examples';
import { designOfTables } from './tables';
import type { DesignModel } from './types';
import { validateDesign } from './validateDesign';
import { validateModel } from './validate';
import { generateSampleItems } from './sampleData';

describe('validateDesign', () => {
  it('checks every table, locating the others under /otherTables and naming them', () => {
    const good = blankModel();
    const bad: DesignModel = { ...blankModel(), table: { ...blankModel().table, name: 'x' } };
    const design = designOfTables([good, bad]);
    const own = validateModel(bad, generateSampleItems(bad)).filter((issue) => issue.severity === 'error');
    expect(own.length).toBeGreaterThan(0);
    const errors = validateDesign(design).filter((issue) => issue.severity === 'error');
    expect(errors).toEqual(own.map((issue) => ({ ...issue, path: `/otherTables/0${issue.path}`, message: `table x: ${issue.message}` })));
  });
});
