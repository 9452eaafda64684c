// A labelled key template field for the inspector. Syntax errors show as soon as they are
// typed; semantic ones (unknown placeholder, wrong key type…) come from model validation.
import { useMemo } from 'react';
import { parseKeyTemplate } from '../../model/keyTemplate';
import { Field, useIssuesAt } from './fields';
import { KeyTemplateInput } from './KeyTemplateInput';

/** Syntax errors of a template not already reported by validation at the same place. */
export function useTemplateSyntaxErrors(value: string, path: string): string[] {
  const storeIssues = useIssuesAt(path);
  return useMemo(
    () => parseKeyTemplate(value).errors.map((e) => e.message).filter((message) => !storeIssues.some((issue) => issue.message.includes(message))),
    [value, storeIssues],
  );
}

export function KeyTemplateField({
  label,
  value,
  onChange,
  attributes,
  path,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  attributes: readonly string[];
  path: string;
  placeholder?: string;
}) {
  const syntaxErrors = useTemplateSyntaxErrors(value, path);
  return (
    <Field label={label} path={path} localErrors={syntaxErrors}>
      {(control) => <KeyTemplateInput {...control} value={value} onChange={onChange} attributes={attributes} listLabel={`Attributes for ${label}`} placeholder={placeholder} />}
    </Field>
  );
}
