// The table being edited, when the design holds several (NoSQL Workbench models do): the
// canvas, preview, patterns and inspector all follow the choice.
import { tableNames } from '../model/tables';
import { switchToTable } from '../store/commands';
import { useMemo } from 'react';
import { useDesignStore } from '../store/designStore';

export function TablePicker() {
  // A selector returning a new array on every call makes React re-render without end.
  const model = useDesignStore((s) => s.model);
  const names = useMemo(() => tableNames(model), [model]);
  if (names.length < 2) return null;
  return (
    <label className="table-picker">
      <span>Table</span>
      <select value={0} onChange={(e) => switchToTable(Number(e.target.value))}>
        {names.map((name, position) => (
          <option key={position} value={position}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
