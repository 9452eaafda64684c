// Edits of the model's access patterns, each one undoable step through the design store.
import { useDesignStore } from '../../store/designStore';
import { parameterType, syncParameters } from '../../model/accessPatterns';
import type { AccessPattern, DesignModel, PatternParameter } from '../../model/types';

export function parameterTypeFor(model: DesignModel, pattern: AccessPattern) {
  return (name: string): PatternParameter['type'] => parameterType(model, pattern, name);
}

export function updatePattern(id: string, label: string, recipe: (pattern: AccessPattern, model: DesignModel) => AccessPattern): void {
  useDesignStore.getState().updateModel(label, (model) => ({
    ...model,
    accessPatterns: model.accessPatterns.map((p) => (p.id === id ? recipe(p, model) : p)),
  }));
}

/**
 * Replaces a pattern's request and declares any new placeholders as parameters; `target`,
 * when given, also sets which index the pattern targets (none: the table).
 */
export function setRequest(id: string, label: string, request: Record<string, unknown>, target?: { index: string | undefined }): void {
  updatePattern(id, label, (pattern, model) => {
    const { index: previous, ...rest } = pattern;
    const index = target ? target.index : previous;
    const next: AccessPattern = { ...rest, ...(index ? { index } : {}), request };
    return { ...next, parameters: syncParameters(request, pattern.parameters, parameterTypeFor(model, next)) };
  });
}

export function addPattern(pattern: AccessPattern): void {
  useDesignStore.getState().updateModel('Add access pattern', (model) => ({ ...model, accessPatterns: [...model.accessPatterns, pattern] }));
}

export function deletePattern(id: string): void {
  useDesignStore.getState().updateModel('Delete access pattern', (model) => ({
    ...model,
    accessPatterns: model.accessPatterns.filter((p) => p.id !== id),
  }));
}
