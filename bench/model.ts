// Benchmark: sample generation and preview for about 5,000 items of the default example,
// cold (first draw of every column), warm (same model again) and after a key-template
// keystroke (columns cached, keys of the edited entity re-rendered, its preview rows redone). Ends with one JSON line of figures.
import { defaultModel } from '../src/model/examples';
import { computePreview } from '../src/model/preview';
import { generateSampleItems, SampleCache } from '../src/model/sampleData';
import type { DesignModel } from '../src/model/types';

const TARGET_ITEMS = 5000;

function scaled(): DesignModel {
  const model = defaultModel();
  const total = model.entities.reduce((sum, entity) => sum + entity.sampleCount, 0);
  const factor = TARGET_ITEMS / total;
  return { ...model, entities: model.entities.map((entity) => ({ ...entity, sampleCount: Math.round(entity.sampleCount * factor) })) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

const model = scaled();
const cold: number[] = [];
const warm: number[] = [];
const keystroke: number[] = [];
const coldPreview: number[] = [];
const preview: number[] = [];
let items = 0;
for (let round = 0; round < 7; round += 1) {
  const cache = new SampleCache();
  const [first, coldTime] = time(() => generateSampleItems(model, cache));
  cold.push(coldTime);
  coldPreview.push(time(() => computePreview(model, first))[1]);
  warm.push(time(() => generateSampleItems(model, cache))[1]);
  // A keystroke in the Post sort-key template: new model object, same columns.
  const edited: DesignModel = {
    ...model,
    entities: model.entities.map((entity) =>
      entity.id === 'ent-post' ? { ...entity, keys: { ...entity.keys, sortKey: `POST#{{postId}}#${round}` } } : entity,
    ),
  };
  const [samples, generation] = time(() => generateSampleItems(edited, cache));
  keystroke.push(generation);
  const [, previewTime] = time(() => computePreview(edited, samples));
  preview.push(previewTime);
  items = samples.length;
}
const figures = {
  items,
  coldGenerationMs: +median(cold).toFixed(2),
  warmGenerationMs: +median(warm).toFixed(2),
  keystrokeGenerationMs: +median(keystroke).toFixed(2),
  coldPreviewMs: +median(coldPreview).toFixed(2),
  keystrokePreviewMs: +median(preview).toFixed(2),
  keystrokeTotalMs: +(median(keystroke) + median(preview)).toFixed(2),
};
console.log(JSON.stringify(figures));
