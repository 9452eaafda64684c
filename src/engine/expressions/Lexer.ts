// Tokens of DynamoDB's expression language. Names start with a letter; `#name` and `:value`
// placeholders take letters, digits and underscores. Anything else becomes a one-character
// `invalid` token so the parser can report it the way DynamoDB does ("token: "$"").

export type TokenKind =
  | 'identifier'
  | 'nameRef'
  | 'valueRef'
  | 'number'
  | 'punctuation'
  | 'comparator'
  | 'invalid'
  | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

const COMPARATORS = ['<>', '<=', '>=', '=', '<', '>'];
const PUNCTUATION = '()[],.+-';

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isWordChar(c: string): boolean {
  return isLetter(c) || isDigit(c) || c === '_';
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isLetter(c)) {
      while (i < source.length && isWordChar(source[i] as string)) i++;
      tokens.push({ kind: 'identifier', text: source.slice(start, i), start, end: i });
      continue;
    }
    if ((c === '#' || c === ':') && i + 1 < source.length && isWordChar(source[i + 1] as string)) {
      i++;
      while (i < source.length && isWordChar(source[i] as string)) i++;
      tokens.push({ kind: c === '#' ? 'nameRef' : 'valueRef', text: source.slice(start, i), start, end: i });
      continue;
    }
    if (isDigit(c)) {
      while (i < source.length && isDigit(source[i] as string)) i++;
      tokens.push({ kind: 'number', text: source.slice(start, i), start, end: i });
      continue;
    }
    const comparator = COMPARATORS.find((op) => source.startsWith(op, i));
    if (comparator !== undefined) {
      i += comparator.length;
      tokens.push({ kind: 'comparator', text: comparator, start, end: i });
      continue;
    }
    if (PUNCTUATION.includes(c)) {
      i++;
      tokens.push({ kind: 'punctuation', text: c, start, end: i });
      continue;
    }
    const code = source.codePointAt(i) ?? 0;
    i += code > 0xffff ? 2 : 1;
    tokens.push({ kind: 'invalid', text: source.slice(start, i), start, end: i });
  }
  tokens.push({ kind: 'eof', text: '<EOF>', start: source.length, end: source.length });
  return tokens;
}
