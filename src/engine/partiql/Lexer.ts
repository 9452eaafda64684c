// Tokens of DynamoDB's PartiQL: keywords and bare names are case-insensitive words,
// 'strings' and "quoted names" double their quote to escape it, and every token keeps its
// line/column so errors can say `at 1:42:4` as DynamoDB does.
import type { SourcePosition } from './Ast';
import { statementNotWellFormed } from './errors';

export type TokenKind = 'word' | 'quotedName' | 'string' | 'number' | 'punctuation' | 'end';

export interface Token {
  kind: TokenKind;
  /** Words keep their spelling; compare keywords with `upper`. */
  text: string;
  upper: string;
  position: SourcePosition;
}

// Longest first so `<<` wins over `<` and `<=` over `<`.
const PUNCTUATION = ['<<', '>>', '<=', '>=', '<>', '!=', '(', ')', '[', ']', '{', '}', ',', '.', ':', '?', '*', '=', '<', '>', '+', '-'];

export function tokenize(statement: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const positionOf = (start: number, end: number): SourcePosition => ({ line, column: start - lineStart + 1, length: end - start });
  while (i < statement.length) {
    const char = statement[i] as string;
    if (char === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (char === '-' && statement[i + 1] === '-') {
      while (i < statement.length && statement[i] !== '\n') i++;
      continue;
    }
    const start = i;
    if (char === "'" || char === '"') {
      let text = '';
      i++;
      for (;;) {
        if (i >= statement.length) throw statementNotWellFormed(statement);
        const c = statement[i] as string;
        if (c === char) {
          if (statement[i + 1] === char) {
            text += char;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += c;
        i++;
      }
      tokens.push({ kind: char === "'" ? 'string' : 'quotedName', text, upper: text, position: positionOf(start, i) });
      continue;
    }
    if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(statement[i + 1] ?? ''))) {
      const match = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(statement.slice(i));
      const text = match?.[0] ?? char;
      i += text.length;
      tokens.push({ kind: 'number', text, upper: text, position: positionOf(start, i) });
      continue;
    }
    if (/[A-Za-z_$]/.test(char)) {
      const text = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(statement.slice(i))?.[0] ?? char;
      i += text.length;
      tokens.push({ kind: 'word', text, upper: text.toUpperCase(), position: positionOf(start, i) });
      continue;
    }
    const punctuation = PUNCTUATION.find((p) => statement.startsWith(p, i));
    if (punctuation === undefined) throw statementNotWellFormed(statement);
    i += punctuation.length;
    tokens.push({ kind: 'punctuation', text: punctuation, upper: punctuation, position: positionOf(start, i) });
  }
  tokens.push({ kind: 'end', text: '', upper: '', position: positionOf(i, i) });
  return tokens;
}
