// `serve --model`: turns a Tablesmith design into the tables it describes (keys, indexes,
// billing, stream, TTL, tags) and fills each with its fixed items and deterministic samples.
import { escapeControl } from '../cli/terminal';
import type { Engine } from '../engine';
import { loadDesignEngine } from '../model/loadDesignEngine';
import { generateSampleItems } from '../model/sampleData';
import { parseModel } from '../model/parse';
import { tablesOf } from '../model/tables';
import type { DesignModel } from '../model/types';

/** Creates the design's table in `engine` and writes its sample items. */
export function seedEngine(engine: Engine, model: DesignModel): { items: number; rejected: string[] } {
  const { loaded, failures } = loadDesignEngine(model, generateSampleItems(model), engine);
  const { table } = model;
  // TTL is not part of CreateTable; DynamoDB enables it with its own call.
  if (table.ttlAttribute) {
    engine.UpdateTimeToLive({ TableName: table.name, TimeToLiveSpecification: { Enabled: true, AttributeName: table.ttlAttribute } });
  }
  const rejected = failures.map((failure) => {
    const entity = model.entities.find((candidate) => candidate.id === failure.entityId)?.name ?? failure.entityId;
    return `${entity}: ${failure.error}`;
  });
  return { items: loaded, rejected };
}

/** Parses a model file; throws an Error naming the file and each problem's location. */
export function loadModelSeed(text: string, path: string): (engine: Engine) => void {
  const parsed = parseModel(text);
  if ('issues' in parsed) {
    const problems = parsed.issues.map((issue) => `  ${escapeControl(issue.path || '/')}: ${escapeControl(issue.message)}`).join('\n');
    throw new Error(`${escapeControl(path)} is not a usable Tablesmith model:\n${problems}`);
  }
  const { model } = parsed;
  return (engine) => {
    // Every table of the design, each with its own items.
    const rejected = tablesOf(model).flatMap((table) => seedEngine(engine, table).rejected);
    if (rejected.length > 0) {
      console.warn(`tablesmith serve: ${rejected.length} sample item(s) of ${escapeControl(path)} were rejected, first: ${escapeControl(rejected[0] ?? '')}`);
    }
  };
}
