// A design holds one or more tables (NoSQL Workbench models often hold several). The table
// being edited sits at the design's top level, so every single-table function (preview,
// validation, patterns, exports) takes the design as it is; the others wait in `otherTables`.
import type { DesignModel, FixedItem, TableSpace } from './types';

function spaceOf(model: DesignModel): TableSpace {
  return {
    table: model.table,
    globalSecondaryIndexes: model.globalSecondaryIndexes,
    localSecondaryIndexes: model.localSecondaryIndexes,
    entities: model.entities,
    accessPatterns: model.accessPatterns,
    ...(model.items !== undefined ? { items: model.items } : {}),
  };
}

/** The design with `space` as its table being edited and no other tables. */
function withSpace(model: DesignModel, space: TableSpace): DesignModel {
  const { otherTables: _others, items: _items, ...design } = model;
  return { ...design, ...space };
}

/** Every table of the design as a single-table design, the one being edited first. */
export function tablesOf(model: DesignModel): DesignModel[] {
  const first = withSpace(model, spaceOf(model));
  return [first, ...(model.otherTables ?? []).map((space) => withSpace(model, space))];
}

export function tableNames(model: DesignModel): string[] {
  return [model.table.name, ...(model.otherTables ?? []).map((space) => space.table.name)];
}

/**
 * The design with the `position`th of `tableNames(model)` being edited. The table that was
 * being edited takes the chosen one's place, so every table stays in the design.
 */
export function switchTable(model: DesignModel, position: number): DesignModel {
  const others = model.otherTables ?? [];
  const chosen = others[position - 1];
  if (position === 0 || chosen === undefined) return model;
  const otherTables = others.map((space, index) => (index === position - 1 ? spaceOf(model) : space));
  return { ...withSpace(model, chosen), otherTables };
}

/** One table of a design by name, for commands that want one (`--table NAME`). */
export function tableNamed(model: DesignModel, name: string): DesignModel | undefined {
  const position = tableNames(model).indexOf(name);
  return position === -1 ? undefined : tablesOf(switchTable(model, position))[0];
}

/** A design made of the given single-table designs, the first one being edited. */
export function designOfTables(tables: readonly DesignModel[]): DesignModel {
  const [first, ...rest] = tables;
  if (first === undefined) throw new Error('a design needs at least one table');
  const design = withSpace(first, spaceOf(first));
  return rest.length === 0 ? design : { ...design, otherTables: rest.map(spaceOf) };
}

/** Every table's fixed items, in table order: what tells one import's items from another's. */
export function fixedItemLists(model: DesignModel): (TableSpace['items'] | undefined)[] {
  return [model.items, ...(model.otherTables ?? []).map((space) => space.items)];
}

export function fixedItemCount(model: DesignModel): number {
  return fixedItemLists(model).reduce((sum, items) => sum + (items?.length ?? 0), 0);
}

/** The design without the items its tables were given (entities, keys and patterns stay). */
export function withoutFixedItems(model: DesignModel): DesignModel {
  const { items: _items, ...design } = model;
  const otherTables = model.otherTables?.map(({ items: _own, ...space }) => space);
  return otherTables === undefined ? design : { ...design, otherTables };
}

/** The design with each table's fixed items (in `fixedItemLists` order); an empty list leaves a table without. */
export function withFixedItems(model: DesignModel, lists: readonly (readonly FixedItem[])[]): DesignModel {
  const own = (space: TableSpace, items: readonly FixedItem[] | undefined): TableSpace => (items === undefined || items.length === 0 ? space : { ...space, items: [...items] });
  const [first, ...rest] = lists;
  const design = { ...model, ...own(model, first) };
  const otherTables = model.otherTables?.map((space, position) => own(space, rest[position]));
  return otherTables === undefined ? design : { ...design, otherTables };
}
