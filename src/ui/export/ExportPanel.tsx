// The Export tab: every export of the design in a read-only code view with copy and download,
// all of them as one zip, and importing a NoSQL Workbench or OneTable file (which replaces the
// design only when the import succeeds).
import { useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { EXPORTS, exportAll, fileStem, type ExportFormat, type ExportOptions } from '../../export/index';
import type { TableResource } from '../../export/tableSchema';
import { importDesign, type ImportIssue } from '../../import/index';
import { useDesignStore } from '../../store/designStore';
import { CodeEditor } from '../monaco';
import { downloadFile } from './download';
import './ExportPanel.css';

const MIME: Record<string, string> = {
  typescript: 'text/typescript',
  yaml: 'application/yaml',
  json: 'application/json',
  markdown: 'text/markdown',
};

type Generated = { text: string } | { error: string };

function ImportControl() {
  const inputId = useId();
  const [errors, setErrors] = useState<{ file: string; issues: ImportIssue[] } | undefined>();
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file === undefined) return;
    setStatus('');
    setErrors(undefined);
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setErrors({ file: file.name, issues: [{ path: '', message: `the file could not be read: ${String(error)}` }] });
      return;
    }
    const result = importDesign(text, { name: file.name.replace(/\.[^.]*$/, '') });
    if (input.current) input.current.value = '';
    if ('errors' in result) {
      setErrors({ file: file.name, issues: result.errors });
      return;
    }
    useDesignStore.getState().replaceModel(result.model, `Import ${file.name}`);
    const warnings = result.warnings.map((warning) => warning.message).join('; ');
    setStatus(`Imported ${file.name}: ${result.model.entities.length} entities.${warnings ? ` Note: ${warnings}` : ''}`);
  };

  return (
    <div className="field">
      <label htmlFor={inputId}>Import NoSQL Workbench / OneTable file</label>
      <input id={inputId} ref={input} type="file" accept=".json,application/json" onChange={(event) => void onFile(event)} />
      <p className="export-status" role="status">
        {status}
      </p>
      {errors && (
        <div role="alert" aria-label="Import failed">
          <p className="export-error">{errors.file} was not imported; the design is unchanged:</p>
          <ul className="export-import-errors" aria-label="Import errors">
            {errors.issues.map((issue, index) => (
              <li key={index}>
                {issue.path !== '' && <code>{issue.path}</code>} {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export function ExportPanel() {
  const model = useDesignStore((state) => state.model);
  const [format, setFormat] = useState<ExportFormat>('cdk');
  const [resource, setResource] = useState<TableResource | undefined>();
  const [leadingKeys, setLeadingKeys] = useState(false);
  const [status, setStatus] = useState('');
  const resourceId = useId();
  const leadingKeysId = useId();
  const options: ExportOptions = useMemo(() => ({ ...(resource !== undefined ? { resource } : {}), leadingKeys }), [resource, leadingKeys]);
  const definition = EXPORTS.find((candidate) => candidate.format === format) ?? EXPORTS[0];

  const generated: Generated = useMemo(() => {
    if (definition === undefined) return { error: 'No export selected' };
    try {
      return { text: definition.generate(model, options) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [definition, model, options]);

  if (definition === undefined) return null;
  const fileName = definition.fileName(model, options);

  const copy = async () => {
    if (!('text' in generated)) return;
    try {
      await navigator.clipboard.writeText(generated.text);
      setStatus(`Copied ${fileName}`);
    } catch {
      setStatus('The browser did not allow copying; select the code and copy it instead.');
    }
  };

  const downloadZip = () => {
    try {
      downloadFile(`${fileStem(model)}-exports.zip`, exportAll(model, options), 'application/zip');
      setStatus(`Downloaded ${fileStem(model)}-exports.zip`);
    } catch (error) {
      setStatus(`The zip could not be made: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <div className="export-panel">
      <div className="export-side">
        <div role="tablist" aria-label="Export format" aria-orientation="vertical" className="export-formats">
          {EXPORTS.map((candidate) => (
            <button
              key={candidate.format}
              type="button"
              role="tab"
              aria-selected={candidate.format === format}
              onClick={() => setFormat(candidate.format)}
            >
              {candidate.label}
            </button>
          ))}
        </div>
        <div className="field">
          <label htmlFor={resourceId}>Table resource</label>
          <select
            id={resourceId}
            value={resource ?? 'default'}
            onChange={(event) => setResource(event.target.value === 'default' ? undefined : (event.target.value as TableResource))}
          >
            <option value="default">Default (CDK TableV2, CloudFormation Table)</option>
            <option value="global-table">TableV2 / AWS::DynamoDB::GlobalTable</option>
            <option value="table">Table / AWS::DynamoDB::Table</option>
          </select>
        </div>
        <div className="field-checkbox">
          <input id={leadingKeysId} type="checkbox" checked={leadingKeys} onChange={(event) => setLeadingKeys(event.target.checked)} />
          <label htmlFor={leadingKeysId}>IAM: per-user access (dynamodb:LeadingKeys)</label>
        </div>
        <button type="button" onClick={downloadZip}>
          Download all as zip
        </button>
        <ImportControl />
      </div>
      <div className="export-main" role="tabpanel" aria-label={definition.label}>
        <div className="export-actions">
          <strong>{fileName}</strong>
          <button type="button" onClick={() => void copy()} disabled={!('text' in generated)}>
            Copy
          </button>
          <button
            type="button"
            aria-label={`Download ${fileName}`}
            disabled={!('text' in generated)}
            onClick={() => {
              if ('text' in generated) downloadFile(fileName, generated.text, MIME[definition.language] ?? 'text/plain');
            }}
          >
            Download
          </button>
          <span className="export-status" role="status">
            {status}
          </span>
        </div>
        {'text' in generated ? (
          <CodeEditor value={generated.text} language={definition.language} label={`${definition.label} code`} readOnly path={`export/${fileName}`} height="24rem" />
        ) : (
          <p className="export-error" role="alert">
            This export cannot be made from the current design: {generated.error}
          </p>
        )}
      </div>
    </div>
  );
}
