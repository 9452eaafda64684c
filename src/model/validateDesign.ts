// Checks every table of a design. The table being edited is checked as `validateModel` checks
// it (with its sample items, for the patterns' placeholders); each further table's issues are located under `/otherTables/N`, and are cached per table,
// since typing in one table leaves the others as they were.
import { generateSampleItems, type SampleItem } from './sampleData';
import { tablesOf } from './tables';
import type { DesignModel, ModelIssue, TableSpace } from './types';
import { validateModel } from './validate';

const othersChecked = new WeakMap<TableSpace, ModelIssue[]>();

/** `samples`: the edited table's sample items, when the caller has them already. */
export function validateDesign(model: DesignModel, samples: readonly SampleItem[] = generateSampleItems(model)): ModelIssue[] {
  const [, ...others] = tablesOf(model);
  const issues = validateModel(model, samples);
  (model.otherTables ?? []).forEach((space, position) => {
    let found = othersChecked.get(space);
    if (found === undefined) {
      const table = others[position];
      found = table === undefined ? [] : validateModel(table, generateSampleItems(table)).map((issue) => ({ ...issue, path: `/otherTables/${position}${issue.path}`, message: `table ${table.table.name}: ${issue.message}` }));
      othersChecked.set(space, found);
    }
    for (const issue of found) issues.push(issue);
  });
  return issues;
}
