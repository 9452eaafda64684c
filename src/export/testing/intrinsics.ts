// Test support: what CloudFormation and IAM make of the strings the exports write, so tests can
// check the deployed meaning rather than the spelling. `resolveTemplateValue` evaluates `Ref` and
// `Fn::Sub` as CloudFormation does (`${!x}` is the literal `${x}`); `iamLiteral` reads an IAM
// string whose only policy variables are the special characters `${$}`, `${*}`, `${?}`.

/** Values of pseudo-parameters (`AWS::Region`) and of resources' `Ref` (`Table`). */
export type References = Record<string, string>;

function substitute(text: string, variables: Record<string, unknown>, references: References): string {
  let out = '';
  let position = 0;
  while (position < text.length) {
    const start = text.indexOf('${', position);
    if (start === -1) {
      out += text.slice(position);
      break;
    }
    out += text.slice(position, start);
    if (text[start + 2] === '!') {
      out += '${';
      position = start + 3;
      continue;
    }
    const end = text.indexOf('}', start);
    if (end === -1) throw new Error(`Fn::Sub: unclosed \${ in ${JSON.stringify(text)}`);
    const name = text.slice(start + 2, end);
    const value = name in variables ? resolveTemplateValue(variables[name], references) : references[name];
    if (typeof value !== 'string') throw new Error(`Fn::Sub: unresolved variable ${name} in ${JSON.stringify(text)}`);
    out += value;
    position = end + 1;
  }
  return out;
}

export function resolveTemplateValue(value: unknown, references: References): unknown {
  if (Array.isArray(value)) return value.map((element) => resolveTemplateValue(element, references));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && typeof record.Ref === 'string') {
    const resolved = references[record.Ref];
    if (resolved === undefined) throw new Error(`Ref to unknown ${record.Ref}`);
    return resolved;
  }
  if (keys.length === 1 && 'Fn::Sub' in record) {
    const sub = record['Fn::Sub'];
    if (typeof sub === 'string') return substitute(sub, {}, references);
    if (Array.isArray(sub) && typeof sub[0] === 'string') return substitute(sub[0], (sub[1] ?? {}) as Record<string, unknown>, references);
    throw new Error(`Fn::Sub: malformed ${JSON.stringify(sub)}`);
  }
  return Object.fromEntries(keys.map((key) => [key, resolveTemplateValue(record[key], references)]));
}

const SPECIAL: Record<string, string> = { '${$}': '$', '${*}': '*', '${?}': '?' };

/**
 * The literal text IAM matches for `text`; throws at any other policy variable, and in an ARN
 * (`where` = 'arn') at a wildcard. StringEquals conditions have no wildcards.
 */
export function iamLiteral(text: string, where: 'arn' | 'string-equals' = 'arn'): string {
  return text.replace(where === 'arn' ? /\$\{[^}]*\}|[*?]/g : /\$\{[^}]*\}/g, (match) => {
    const literal = SPECIAL[match];
    if (literal === undefined) throw new Error(`IAM reads ${JSON.stringify(match)} in ${JSON.stringify(text)} as a wildcard or policy variable`);
    return literal;
  });
}
