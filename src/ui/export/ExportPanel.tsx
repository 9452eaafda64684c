// The Export tab: every export of the design in a read-only code view with copy and download,
// all of them as one zip, and importing a NoSQL Workbench or OneTable file (which replaces the
// design only when the import succeeds).
import { useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { EXPORTS, exportAll, fileStem, type ExportFormat, type ExportOptions } from '../../export/index';
import { IDENTITY_CHOICES, PRINCIPAL_TAG_CHOICE } from '../../export/iamPolicy';
import { DEFAULT_TABLE_RESOURCE, RESOURCE_TYPES, TABLE_RESOURCES, type TableResource } from '../../export/tableSchema';
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

type Generated = { text: string; notes: string[] } | { error: string };

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

/** The IAM options: where the policy's ARNs point and whose partition keys a caller may use. */
interface IamSettings {
  region: string;
  account: string;
  leadingKeys: boolean;
  /** An IDENTITY_CHOICES id, or PRINCIPAL_TAG_CHOICE for a principal tag named by `tagKey`. */
  identity: string;
  tagKey: string;
  identityAttribute: string;
}

const INITIAL_IAM: IamSettings = { region: '', account: '', leadingKeys: false, identity: 'cognito', tagKey: '', identityAttribute: '' };

function IamOptions({ settings, onChange }: { settings: IamSettings; onChange: (settings: IamSettings) => void }) {
  const id = useId();
  const set = (change: Partial<IamSettings>) => onChange({ ...settings, ...change });
  return (
    <fieldset className="export-iam">
      <legend>IAM policy</legend>
      <div className="field">
        <label htmlFor={`${id}-region`}>Region</label>
        <input id={`${id}-region`} value={settings.region} placeholder="REGION" spellCheck={false} onChange={(event) => set({ region: event.target.value.trim() })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-account`}>Account ID</label>
        <input id={`${id}-account`} value={settings.account} placeholder="ACCOUNT_ID" inputMode="numeric" spellCheck={false} onChange={(event) => set({ account: event.target.value.trim() })} />
      </div>
      <div className="field-checkbox">
        <input id={`${id}-leading`} type="checkbox" checked={settings.leadingKeys} onChange={(event) => set({ leadingKeys: event.target.checked })} />
        <label htmlFor={`${id}-leading`}>Per-user access (dynamodb:LeadingKeys)</label>
      </div>
      {settings.leadingKeys && (
        <>
          <div className="field">
            <label htmlFor={`${id}-identity`}>Caller identity</label>
            <select id={`${id}-identity`} value={settings.identity} onChange={(event) => set({ identity: event.target.value })}>
              {IDENTITY_CHOICES.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.label} {choice.variable}
                </option>
              ))}
              <option value={PRINCIPAL_TAG_CHOICE}>Principal tag {'${aws:PrincipalTag/…}'}</option>
            </select>
          </div>
          {settings.identity === PRINCIPAL_TAG_CHOICE && (
            <div className="field">
              <label htmlFor={`${id}-tag`}>Principal tag key</label>
              <input id={`${id}-tag`} value={settings.tagKey} spellCheck={false} onChange={(event) => set({ tagKey: event.target.value })} />
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-attribute`}>Parameter holding the identity</label>
            <input
              id={`${id}-attribute`}
              value={settings.identityAttribute}
              placeholder="first entity's partition key"
              spellCheck={false}
              onChange={(event) => set({ identityAttribute: event.target.value.trim() })}
            />
          </div>
        </>
      )}
    </fieldset>
  );
}

function iamExportOptions(settings: IamSettings): ExportOptions {
  return {
    ...(settings.region !== '' ? { region: settings.region } : {}),
    ...(settings.account !== '' ? { account: settings.account } : {}),
    leadingKeys: settings.leadingKeys,
    identity: settings.identity === PRINCIPAL_TAG_CHOICE ? `${PRINCIPAL_TAG_CHOICE}${settings.tagKey}` : settings.identity,
    ...(settings.identityAttribute !== '' ? { identityAttribute: settings.identityAttribute } : {}),
  };
}

export function ExportPanel() {
  const model = useDesignStore((state) => state.model);
  const [format, setFormat] = useState<ExportFormat>('cdk');
  const [resource, setResource] = useState<TableResource>(DEFAULT_TABLE_RESOURCE);
  const [accessPolicy, setAccessPolicy] = useState(false);
  const [iam, setIam] = useState<IamSettings>(INITIAL_IAM);
  const [status, setStatus] = useState('');
  const resourceId = useId();
  const accessPolicyId = useId();
  const options: ExportOptions = useMemo(() => ({ resource, accessPolicy, ...iamExportOptions(iam) }), [resource, accessPolicy, iam]);
  const definition = EXPORTS.find((candidate) => candidate.format === format) ?? EXPORTS[0];

  const generated: Generated = useMemo(() => {
    if (definition === undefined) return { error: 'No export selected' };
    try {
      return { text: definition.generate(model, options), notes: definition.notes?.(model, options) ?? [] };
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
          <label htmlFor={resourceId}>Table resource (CDK and CloudFormation)</label>
          <select id={resourceId} value={resource} onChange={(event) => setResource(event.target.value as TableResource)}>
            {TABLE_RESOURCES.map((candidate) => (
              <option key={candidate} value={candidate}>
                {RESOURCE_TYPES[candidate].cloudFormation} / CDK {RESOURCE_TYPES[candidate].cdk}
                {candidate === DEFAULT_TABLE_RESOURCE ? ' (default)' : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field-checkbox">
          <input id={accessPolicyId} type="checkbox" checked={accessPolicy} onChange={(event) => setAccessPolicy(event.target.checked)} />
          <label htmlFor={accessPolicyId}>CDK and CloudFormation: include the IAM policy</label>
        </div>
        <IamOptions settings={iam} onChange={setIam} />
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
          <>
            <CodeEditor value={generated.text} language={definition.language} label={`${definition.label} code`} readOnly path={`export/${fileName}`} height="24rem" />
            {generated.notes.length > 0 && (
              <ul className="export-notes" aria-label="Notes on this export">
                {generated.notes.map((note, index) => (
                  <li key={index}>{note}</li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p className="export-error" role="alert">
            This export cannot be made: {generated.error}
          </p>
        )}
      </div>
    </div>
  );
}
