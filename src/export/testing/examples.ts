// The app's built-in example designs, for tests that must hold for every one of them.
import { examples } from '../../model/examples';
import type { DesignModel } from '../../model/types';

/** `[label, model]` for every built-in example. */
export function builtInDesigns(): [string, DesignModel][] {
  return examples.map((example) => [`example ${example.id}`, example.model]);
}
