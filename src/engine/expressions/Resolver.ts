// Resolves `#name` and `:value` placeholders and attribute names against a request's
// ExpressionAttributeNames/Values, tracking which ones the request's expressions used so the
// unused ones can be reported the way DynamoDB does.
import type { AttributeValue } from '../AttributeValue';
import { validationError } from '../errors';
import { isReservedWord } from '../ReservedWords';
import type { Token } from './Lexer';
import type { ExpressionKind, SyntaxPath } from './Parser';
import { MAX_PATH_DEPTH, type DocumentPath, type PathElement } from './DocumentPath';

const MAX_LIST_INDEX = 2 ** 31 - 1;

// The parser shares syntax trees between requests with the same expression, and whether a
// path passes these checks depends on nothing else, so each path is checked once.
const checkedPaths = new WeakSet<SyntaxPath>();

export class ExpressionContext {
  readonly usedNames = new Set<string>();
  readonly usedValues = new Set<string>();
  /** Set by a check that compared values rather than their types (see CompiledTemplates.ts). */
  readsValueContent = false;

  constructor(
    readonly names: Readonly<Record<string, string>> = {},
    readonly values: Readonly<Record<string, AttributeValue>> = {},
  ) {}

  error(kind: ExpressionKind, message: string): Error {
    return validationError(`Invalid ${kind}: ${message}`);
  }

  /**
   * Checks DynamoDB makes while parsing, before any placeholder is resolved: nesting depth,
   * list index range and reserved words.
   */
  checkPath(kind: ExpressionKind, syntax: SyntaxPath): void {
    if (checkedPaths.has(syntax)) return;
    if (syntax.elements.length > MAX_PATH_DEPTH) {
      throw this.error(kind, `The document path has too many nesting levels; nesting levels: ${syntax.elements.length}`);
    }
    for (const element of syntax.elements) {
      const { text } = element.token;
      if (element.kind === 'index') {
        if (Number(text) > MAX_LIST_INDEX) throw this.error(kind, `List index is not within the allowable range; index: [${text}]`);
      } else if (element.token.kind === 'identifier' && isReservedWord(text) && text.toLowerCase() !== 'size') {
        // `size` is on the reserved list, but DynamoDB's grammar treats it as a function name
        // only before `(` and accepts it as an attribute name.
        throw this.error(kind, `Attribute name is a reserved keyword; reserved keyword: ${text}`);
      }
    }
    checkedPaths.add(syntax);
  }

  resolveName(kind: ExpressionKind, token: Token): string {
    if (token.kind !== 'nameRef') return token.text;
    const name = Object.hasOwn(this.names, token.text) ? this.names[token.text] : undefined;
    if (name === undefined) {
      throw this.error(kind, `An expression attribute name used in the document path is not defined; attribute name: ${token.text}`);
    }
    this.usedNames.add(token.text);
    return name;
  }

  resolvePath(kind: ExpressionKind, syntax: SyntaxPath): DocumentPath {
    return syntax.elements.map((element) =>
      element.kind === 'name' ? this.resolveName(kind, element.token) : Number(element.token.text),
    ) as PathElement[] as unknown as DocumentPath;
  }

  resolveValue(kind: ExpressionKind, token: Token): AttributeValue {
    const value = Object.hasOwn(this.values, token.text) ? this.values[token.text] : undefined;
    if (value === undefined) {
      throw this.error(kind, `An expression attribute value used in expression is not defined; attribute value: ${token.text}`);
    }
    this.usedValues.add(token.text);
    return value;
  }
}
