// Recursive-descent parser for DynamoDB's expression grammar. It builds a syntax tree that
// still holds the source tokens (`#name`, `:value`); names and values are resolved later
// (see Resolver.ts), because DynamoDB reports every syntax error before any semantic one.
import { validationError } from '../errors';
import { tokenize, type Token } from './Lexer';

export type ExpressionKind =
  | 'KeyConditionExpression'
  | 'ConditionExpression'
  | 'FilterExpression'
  | 'ProjectionExpression'
  | 'UpdateExpression';

export type SyntaxPathElement = { kind: 'name'; token: Token } | { kind: 'index'; token: Token };
export interface SyntaxPath {
  kind: 'path';
  elements: SyntaxPathElement[];
}
export interface SyntaxValue {
  kind: 'value';
  token: Token;
}
export interface SyntaxCall {
  kind: 'call';
  name: Token;
  args: SyntaxOperand[];
}
export interface SyntaxArithmetic {
  kind: 'arithmetic';
  operator: '+' | '-';
  left: SyntaxOperand;
  right: SyntaxOperand;
}
export type SyntaxOperand = SyntaxPath | SyntaxValue | SyntaxCall | SyntaxArithmetic;

export type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type SyntaxCondition =
  | { kind: 'compare'; operator: Comparator; left: SyntaxOperand; right: SyntaxOperand }
  | { kind: 'between'; subject: SyntaxOperand; low: SyntaxOperand; high: SyntaxOperand }
  | { kind: 'in'; subject: SyntaxOperand; list: SyntaxOperand[] }
  | { kind: 'and' | 'or'; left: SyntaxCondition; right: SyntaxCondition }
  | { kind: 'not'; operand: SyntaxCondition }
  | { kind: 'function'; call: SyntaxCall }
  | { kind: 'parenthesis'; inner: SyntaxCondition };

export type UpdateClauseName = 'SET' | 'REMOVE' | 'ADD' | 'DELETE';
export type SyntaxUpdateAction =
  | { clause: 'SET'; path: SyntaxPath; value: SyntaxOperand; redundantParentheses: boolean }
  | { clause: 'REMOVE'; path: SyntaxPath }
  | { clause: 'ADD' | 'DELETE'; path: SyntaxPath; value: SyntaxValue };
export interface SyntaxUpdate {
  clauses: { name: UpdateClauseName; actions: SyntaxUpdateAction[] }[];
}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'BETWEEN', 'IN']);
const CLAUSES = new Set<string>(['SET', 'REMOVE', 'ADD', 'DELETE']);

class SyntaxFailure {
  constructor(readonly at: number) {}
}

/**
 * Every level of a valid condition costs an operator or is one parenthesis, so one nested
 * deeper than this is refused whatever it holds; stopping here keeps any input, however
 * deep, from exhausting the stack.
 */
const MAX_PARSE_DEPTH = 2 * 300 + 50;

class NestedTooDeep {}

// A condition's operand may be wrapped in parentheses once (`(a) = :v`); twice over is refused
// after parsing, in the compiler's first phase. Syntax trees are shared, so this is kept per node.
const groupedOperands = new WeakSet<SyntaxOperand>();
const redundantlyGrouped = new WeakSet<SyntaxOperand>();

export function hasRedundantParentheses(operand: SyntaxOperand): boolean {
  return redundantlyGrouped.has(operand);
}

class Parser {
  private readonly tokens: Token[];
  private position = 0;
  private depth = 0;

  constructor(private readonly source: string) {
    this.tokens = tokenize(source);
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.position + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (this.position < this.tokens.length - 1) this.position++;
    return token;
  }

  private fail(): never {
    throw new SyntaxFailure(this.position);
  }

  private isKeyword(word: string, token = this.peek()): boolean {
    return token.kind === 'identifier' && token.text.toUpperCase() === word;
  }

  private isPunctuation(text: string, token = this.peek()): boolean {
    return token.kind === 'punctuation' && token.text === text;
  }

  private expectPunctuation(text: string): Token {
    if (!this.isPunctuation(text)) this.fail();
    return this.next();
  }

  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_PARSE_DEPTH) throw new NestedTooDeep();
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private expectEnd(): void {
    if (this.peek().kind !== 'eof') this.fail();
  }

  /** Runs `parse`; on failure rewinds and reports the failure that got furthest. */
  private attempt<T>(parse: () => T): T | SyntaxFailure {
    const saved = this.position;
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof SyntaxFailure)) throw error;
      this.position = saved;
      return error;
    }
  }

  syntaxError(kind: ExpressionKind, failure: SyntaxFailure): Error {
    const token = this.tokens[failure.at] as Token;
    const previous = failure.at > 0 ? this.tokens[failure.at - 1] : undefined;
    const following = this.tokens[failure.at + 1];
    const from = previous === undefined ? 0 : previous.start;
    const to = token.kind === 'eof' || following === undefined || following.kind === 'eof' ? this.source.length : following.end;
    return validationError(`Invalid ${kind}: Syntax error; token: "${token.text}", near: "${this.source.slice(from, to)}"`);
  }

  // --- paths and operands ------------------------------------------------------------

  parsePath(): SyntaxPath {
    const first = this.peek();
    if (!(first.kind === 'nameRef' || (first.kind === 'identifier' && !KEYWORDS.has(first.text.toUpperCase())))) this.fail();
    const elements: SyntaxPathElement[] = [{ kind: 'name', token: this.next() }];
    for (;;) {
      if (this.isPunctuation('.')) {
        this.next();
        const token = this.peek();
        if (token.kind !== 'identifier' && token.kind !== 'nameRef') this.fail();
        elements.push({ kind: 'name', token: this.next() });
      } else if (this.isPunctuation('[')) {
        this.next();
        if (this.peek().kind !== 'number') this.fail();
        elements.push({ kind: 'index', token: this.next() });
        this.expectPunctuation(']');
      } else return { kind: 'path', elements };
    }
  }

  private parseCall(): SyntaxCall {
    const name = this.next();
    this.expectPunctuation('(');
    const args: SyntaxOperand[] = [this.parseOperand()];
    while (this.isPunctuation(',')) {
      this.next();
      args.push(this.parseOperand());
    }
    this.expectPunctuation(')');
    return { kind: 'call', name, args };
  }

  /** An operand of a condition. */
  parseOperand(): SyntaxOperand {
    return this.nested(() => this.parseOperandAt());
  }

  private parseOperandAt(): SyntaxOperand {
    const token = this.peek();
    if (this.isPunctuation('(')) {
      this.next();
      const inner = this.parseOperand();
      this.expectPunctuation(')');
      if (groupedOperands.has(inner)) redundantlyGrouped.add(inner);
      groupedOperands.add(inner);
      return inner;
    }
    if (token.kind === 'valueRef') return { kind: 'value', token: this.next() };
    if (token.kind === 'identifier' && this.isPunctuation('(', this.peek(1))) return this.parseCall();
    return this.parsePath();
  }

  // SET values: one `+` or `-` at most, at the top; function arguments take no arithmetic.
  // Parentheses may wrap the value or an operand, but not twice over (`((a))`), which is
  // recorded here and refused after parsing, as DynamoDB does.
  private grouped = new WeakSet<SyntaxOperand>();
  private redundantParentheses = false;

  private parseGroup(inner: () => SyntaxOperand): SyntaxOperand {
    this.expectPunctuation('(');
    const operand = inner();
    this.expectPunctuation(')');
    if (this.grouped.has(operand)) this.redundantParentheses = true;
    this.grouped.add(operand);
    return operand;
  }

  private parseSetValue(): SyntaxOperand {
    const left = this.isPunctuation('(') ? this.parseGroup(() => this.nested(() => this.parseSetValue())) : this.parseSetOperand();
    if (!this.isPunctuation('+') && !this.isPunctuation('-')) return left;
    if (left.kind === 'arithmetic') this.fail();
    const operator = this.next().text as '+' | '-';
    return { kind: 'arithmetic', operator, left, right: this.parseSetOperand() };
  }

  private parseSetOperand(): SyntaxOperand {
    return this.nested(() => this.parseSetOperandAt());
  }

  private parseSetOperandAt(): SyntaxOperand {
    const token = this.peek();
    if (this.isPunctuation('(')) return this.parseGroup(() => this.parseSetOperand());
    if (token.kind === 'valueRef') return { kind: 'value', token: this.next() };
    if (token.kind === 'identifier' && this.isPunctuation('(', this.peek(1))) {
      const name = this.next();
      this.expectPunctuation('(');
      const args: SyntaxOperand[] = [this.parseSetOperand()];
      while (this.isPunctuation(',')) {
        this.next();
        args.push(this.parseSetOperand());
      }
      this.expectPunctuation(')');
      return { kind: 'call', name, args };
    }
    return this.parsePath();
  }

  // --- conditions --------------------------------------------------------------------

  parseCondition(): SyntaxCondition {
    return this.nested(() => this.parseOr());
  }

  private parseOr(): SyntaxCondition {
    let left = this.parseAnd();
    while (this.isKeyword('OR')) {
      this.next();
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): SyntaxCondition {
    let left = this.parseNot();
    while (this.isKeyword('AND')) {
      this.next();
      left = { kind: 'and', left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): SyntaxCondition {
    if (this.isKeyword('NOT')) {
      this.next();
      return { kind: 'not', operand: this.nested(() => this.parseNot()) };
    }
    if (this.isPunctuation('(')) {
      const start = this.position;
      const grouped = this.attempt(() => {
        this.next();
        const inner = this.parseCondition();
        this.expectPunctuation(')');
        return { kind: 'parenthesis', inner } as const;
      });
      // `(a) = :v` and `(size(a)) > :v` are valid too: the parenthesis may wrap an operand.
      if (!(grouped instanceof SyntaxFailure) && !this.startsPredicateTail()) return grouped;
      const afterGroup = this.position;
      if (!(grouped instanceof SyntaxFailure)) this.position = start;
      const compared = this.attempt(() => this.parsePredicate());
      if (!(compared instanceof SyntaxFailure)) return compared;
      if (!(grouped instanceof SyntaxFailure)) {
        this.position = afterGroup;
        return grouped;
      }
      throw grouped.at >= compared.at ? grouped : compared;
    }
    return this.parsePredicate();
  }

  private startsPredicateTail(): boolean {
    return this.peek().kind === 'comparator' || this.isKeyword('BETWEEN') || this.isKeyword('IN');
  }

  private parsePredicate(): SyntaxCondition {
    const left = this.parseOperand();
    const token = this.peek();
    if (token.kind === 'comparator') {
      this.next();
      return { kind: 'compare', operator: token.text as Comparator, left, right: this.parseOperand() };
    }
    if (this.isKeyword('BETWEEN')) {
      this.next();
      const low = this.parseOperand();
      if (!this.isKeyword('AND')) this.fail();
      this.next();
      return { kind: 'between', subject: left, low, high: this.parseOperand() };
    }
    if (this.isKeyword('IN')) {
      this.next();
      this.expectPunctuation('(');
      const list = [this.parseOperand()];
      while (this.isPunctuation(',')) {
        this.next();
        list.push(this.parseOperand());
      }
      this.expectPunctuation(')');
      return { kind: 'in', subject: left, list };
    }
    if (left.kind === 'call') return { kind: 'function', call: left };
    this.fail();
  }

  // --- update and projection --------------------------------------------------------

  parseUpdate(): SyntaxUpdate {
    const clauses: SyntaxUpdate['clauses'] = [];
    do {
      const keyword = this.peek();
      const name = keyword.text.toUpperCase();
      if (keyword.kind !== 'identifier' || !CLAUSES.has(name)) this.fail();
      this.next();
      const actions: SyntaxUpdateAction[] = [];
      do {
        if (actions.length > 0) this.next();
        actions.push(this.parseUpdateAction(name as UpdateClauseName));
      } while (this.isPunctuation(','));
      clauses.push({ name: name as UpdateClauseName, actions });
    } while (this.peek().kind !== 'eof');
    return { clauses };
  }

  private parseUpdateAction(clause: UpdateClauseName): SyntaxUpdateAction {
    const path = this.parsePath();
    if (clause === 'REMOVE') return { clause, path };
    if (clause === 'SET') {
      if (!(this.peek().kind === 'comparator' && this.peek().text === '=')) this.fail();
      this.next();
      this.redundantParentheses = false;
      const value = this.parseSetValue();
      return { clause, path, value, redundantParentheses: this.redundantParentheses };
    }
    if (this.peek().kind !== 'valueRef') this.fail();
    return { clause, path, value: { kind: 'value', token: this.next() } };
  }

  parseProjection(): SyntaxPath[] {
    const paths = [this.parsePath()];
    while (this.isPunctuation(',')) {
      this.next();
      paths.push(this.parsePath());
    }
    return paths;
  }

  run<T>(kind: ExpressionKind, parse: () => T): T {
    const result = this.attempt(() => {
      const value = parse();
      this.expectEnd();
      return value;
    });
    if (result instanceof SyntaxFailure) throw this.syntaxError(kind, result);
    return result;
  }
}

export const MAX_EXPRESSION_SIZE = 4096;

function checkSource(kind: ExpressionKind, source: string): void {
  if (source === '') throw validationError(`Invalid ${kind}: The expression can not be empty;`);
  const size = new TextEncoder().encode(source).length;
  if (size > MAX_EXPRESSION_SIZE) {
    // DynamoDB states the size for conditions only.
    const stated = kind === 'UpdateExpression' || kind === 'ProjectionExpression' ? '' : ` expression size: ${size}`;
    throw validationError(`Invalid ${kind}: Expression size has exceeded the maximum allowed size;${stated}`);
  }
}

// Applications send the same few expressions over and over; syntax trees are never modified
// after parsing, so they are shared.
const MAX_CACHED_TREES = 2000;
const trees = new Map<ExpressionKind, Map<string, unknown>>();

export const MAX_OPERATORS = 300;

/**
 * DynamoDB's operator count: comparisons, BETWEEN, IN, AND, OR, NOT and the functions
 * attribute_exists, attribute_not_exists, begins_with, contains and size count one each;
 * attribute_type and parentheses count nothing (measured against DynamoDB Local).
 */
export function countOperators(syntax: SyntaxCondition | SyntaxOperand): number {
  switch (syntax.kind) {
    case 'compare':
      return 1 + countOperators(syntax.left) + countOperators(syntax.right);
    case 'between':
      return 1 + countOperators(syntax.subject) + countOperators(syntax.low) + countOperators(syntax.high);
    case 'in':
      return 1 + [syntax.subject, ...syntax.list].reduce((sum, operand) => sum + countOperators(operand), 0);
    case 'and':
    case 'or':
      return 1 + countOperators(syntax.left) + countOperators(syntax.right);
    case 'not':
      return 1 + countOperators(syntax.operand);
    case 'parenthesis':
      return countOperators(syntax.inner);
    case 'function':
      return countOperators(syntax.call);
    case 'call':
      return (syntax.name.text === 'attribute_type' ? 0 : 1) + syntax.args.reduce((sum, operand) => sum + countOperators(operand), 0);
    default:
      return 0;
  }
}

export function tooManyOperators(kind: ExpressionKind): Error {
  // DynamoDB stops counting at the first operator over the limit.
  return validationError(`Invalid ${kind}: The expression contains too many operators; operator count: ${MAX_OPERATORS + 1}`);
}

function parse<T>(kind: ExpressionKind, source: string, build: (parser: Parser) => T): T {
  let ofKind = trees.get(kind);
  if (ofKind === undefined) trees.set(kind, (ofKind = new Map()));
  const cached = ofKind.get(source);
  if (cached !== undefined) return cached as T;
  checkSource(kind, source);
  const parser = new Parser(source);
  let tree: T;
  try {
    tree = parser.run(kind, () => build(parser));
  } catch (error) {
    if (!(error instanceof NestedTooDeep)) throw error;
    // Nesting that deep is parentheses wrapping parentheses, or operators past the limit.
    throw /\(\s*\(/.test(source) ? validationError(`Invalid ${kind}: The expression has redundant parentheses;`) : tooManyOperators(kind);
  }
  if (ofKind.size >= MAX_CACHED_TREES) ofKind.clear();
  ofKind.set(source, tree);
  return tree;
}

export function parseCondition(kind: ExpressionKind, source: string): SyntaxCondition {
  return parse(kind, source, (parser) => parser.parseCondition());
}

export function parseUpdate(source: string): SyntaxUpdate {
  return parse('UpdateExpression', source, (parser) => parser.parseUpdate());
}

export function parseProjection(source: string): SyntaxPath[] {
  return parse('ProjectionExpression', source, (parser) => parser.parseProjection());
}
