// Opens a built-in example in place of the current model (undoable, like any edit).
import { examples } from '../model/examples';
import { useDesignStore } from '../store/designStore';

export function ExamplePicker() {
  const replaceModel = useDesignStore((s) => s.replaceModel);
  return (
    <label className="example-picker">
      <span className="visually-hidden">Open example</span>
      <select
        value=""
        onChange={(e) => {
          const example = examples.find((x) => x.id === e.target.value);
          if (example) replaceModel(structuredClone(example.model), `Open example ${example.name}`);
        }}
      >
        <option value="" disabled>
          Open example…
        </option>
        {examples.map((example) => (
          <option key={example.id} value={example.id}>
            {example.name}
          </option>
        ))}
      </select>
    </label>
  );
}
