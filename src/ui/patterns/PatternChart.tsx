// The access-pattern chart, on screen and as Markdown to copy or download.
import { useMemo, useState } from 'react';
import { chartMarkdown, chartRows } from '../../model/accessPatterns';
import type { SampleItem } from '../../model/sampleData';
import type { DesignModel } from '../../model/types';
import { downloadFile } from '../download';

export function PatternChart({ model, samples }: { model: DesignModel; samples: readonly SampleItem[] }) {
  const rows = useMemo(() => chartRows(model, samples), [model, samples]);
  const [copied, setCopied] = useState('');
  const markdown = () => chartMarkdown(model, samples);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown());
      setCopied('Chart copied as Markdown.');
    } catch {
      setCopied('The browser did not allow copying; use Download instead.');
    }
  };
  const download = () => downloadFile(`${model.table.name}-access-patterns.md`, markdown(), 'text/markdown');
  return (
    <section className="pattern-chart" aria-label="Access-pattern chart">
      <div className="run-toolbar">
        <button type="button" onClick={() => void copy()}>
          Copy chart as Markdown
        </button>
        <button type="button" onClick={download}>
          Download chart
        </button>
        <span role="status">{copied}</span>
      </div>
      <table className="result-table">
        <thead>
          <tr>
            {['Access pattern', 'Operation', 'Table / index', 'Key condition', 'Filter', 'Example values'].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>{r.pattern}</td>
              <td>{r.operation}</td>
              <td>{r.target}</td>
              <td>
                <code>{r.keyCondition}</code>
              </td>
              <td>
                <code>{r.filter}</code>
              </td>
              <td>{r.examples}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
