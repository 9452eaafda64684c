// What the store computes from a model: validation issues and sample items. Kept apart from
// the store so the model's validator and generator plug in at one place.
import { parseModel } from '../model/parse';
import { generateSampleItems, type SampleItem } from '../model/sampleData';
import type { DesignModel, ModelIssue } from '../model/types';
import { validateDesign } from '../model/validateDesign';

export type { SampleItem } from '../model/sampleData';

export function deriveDesign(model: DesignModel): { issues: ModelIssue[]; sampleItems: SampleItem[] } {
  // Neither step may take an edit down with it: a failure becomes an issue the user can see.
  const failure = (what: string, error: unknown): ModelIssue => ({
    severity: 'error',
    path: '',
    code: `${what}.failed`,
    message: `${what === 'validation' ? 'The design could not be checked' : 'Sample items could not be generated'}: ${error instanceof Error ? error.message : String(error)}`,
  });
  let sampleItems: SampleItem[] = [];
  let sampleFailure: ModelIssue | undefined;
  try {
    // The generator's per-column cache makes this cheap on a keystroke: only what changed is redrawn.
    sampleItems = generateSampleItems(model);
  } catch (error) {
    sampleFailure = failure('sample', error);
  }
  let issues: ModelIssue[];
  try {
    // With the samples, patterns are checked for placeholders that have no value to run with.
    issues = validateDesign(model, sampleItems);
  } catch (error) {
    issues = [failure('validation', error)];
  }
  return { issues: sampleFailure === undefined ? issues : [...issues, sampleFailure], sampleItems };
}

/** Migrates and checks a model read from outside (autosave, file, link). */
export function loadModelJson(json: unknown): { model: DesignModel; migratedFrom?: number } | { issues: ModelIssue[] } {
  const result = parseModel(json);
  if ('issues' in result) return result;
  return result.migratedFrom === undefined ? { model: result.model } : { model: result.model, migratedFrom: result.migratedFrom };
}
