// The Export tab: every export of the table being edited in a read-only code view with copy and
// download, and every export of every table as one zip. Importing is the top bar's one Import.
import { useId, useMemo, useState } from 'react';
import { EXPORTS, exportAll, fileStem, type ExportFormat, type ExportOptions } from '../../export/index';
import { IDENTITY_CHOICES, PRINCIPAL_TAG_CHOICE } from '../../export/iamPolicy';
import { DEFAULT_TABLE_RESOURCE, RESOURCE_TYPES, TABLE_RESOURCES, type TableResource } from '../../export/tableSchema';
import { tableNames } from '../../model/tables';
import { useDesignStore } from '../../store/designStore';
import { CodeEditor } from '../monaco';
import { downloadFile } from '../download';
import './ExportPanel.css';

const MIME: Record<string, string> = {
  typescript: 'text/typescript',
  yaml: 'application/yaml',
  json: 'application/json',
  markdown: 'text/markdown',
};

type Generated = { text: string; notes: string[] } | { error: string };

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
  const tables = tableNames(model);

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
      </div>
      <div className="export-main" role="tabpanel" aria-label={definition.label}>
        {tables.length > 1 && (
          <p className="export-tables">
            {definition.everyTable === true
              ? `Holds all ${tables.length} tables of the design.`
              : `Shows table ${tables[0] ?? ''}, one of ${tables.length} (${tables.join(', ')}); pick another at the top. The zip holds every table's files.`}
          </p>
        )}
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
