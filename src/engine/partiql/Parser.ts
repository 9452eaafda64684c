// A recursive-descent parser for DynamoDB's PartiQL. Syntax errors all read "Statement
// wasn't well formed"; the semantic errors DynamoDB positions (`at 1:42:4`) keep the
// offending token's position.
import { normalizeNumber } from '../AttributeValue';
import { validationError } from '../errors';
import type {
  CallNode,
  Comparator,
  ConditionNode,
  OperandNode,
  OrderBy,
  ParsedStatement,
  PathNode,
  PathSegment,
  Returning,
  SelectStatement,
  SourcePosition,
  Statement,
  TableReference,
  UpdateStatement,
  ValueNode,
} from './Ast';
import { at, statementNotWellFormed } from './errors';
import { tokenize, type Token } from './Lexer';

const COMPARATORS: Record<string, Comparator> = { '=': '=', '<>': '<>', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

// Words that end an expression; a bare name spelled like one of them is not a path.
const RESERVED = new Set([
  'SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'BETWEEN', 'IN', 'IS', 'ORDER', 'BY', 'ASC', 'DESC', 'SET',
  'REMOVE', 'RETURNING', 'VALUE', 'VALUES', 'INTO', 'INSERT', 'UPDATE', 'DELETE', 'TRUE', 'FALSE', 'NULL', 'MISSING', 'EXISTS',
]);

class Parser {
  private readonly tokens: Token[];
  private cursor = 0;
  private parameterCount = 0;

  constructor(private readonly source: string) {
    this.tokens = tokenize(source);
  }

  parse(): ParsedStatement {
    const statement = this.statement();
    this.expectEnd();
    return { statement, parameterCount: this.parameterCount };
  }

  private get token(): Token {
    return this.tokens[this.cursor] as Token;
  }

  private fail(): never {
    throw statementNotWellFormed(this.source);
  }

  private next(): Token {
    const token = this.token;
    if (token.kind !== 'end') this.cursor++;
    return token;
  }

  private isKeyword(word: string): boolean {
    return this.token.kind === 'word' && this.token.upper === word;
  }

  private acceptKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.cursor++;
    return true;
  }

  private expectKeyword(word: string): void {
    if (!this.acceptKeyword(word)) this.fail();
  }

  private isPunctuation(text: string): boolean {
    return this.token.kind === 'punctuation' && this.token.text === text;
  }

  private acceptPunctuation(text: string): boolean {
    if (!this.isPunctuation(text)) return false;
    this.cursor++;
    return true;
  }

  private expectPunctuation(text: string): Token {
    const token = this.token;
    if (!this.acceptPunctuation(text)) this.fail();
    return token;
  }

  private expectEnd(): void {
    if (this.token.kind !== 'end') this.fail();
  }

  private statement(): Statement {
    if (this.acceptKeyword('SELECT')) return this.select();
    if (this.acceptKeyword('INSERT')) {
      this.expectKeyword('INTO');
      const table = this.name();
      this.expectKeyword('VALUE');
      return { kind: 'insert', table, item: this.value() };
    }
    if (this.acceptKeyword('UPDATE')) return this.update();
    if (this.acceptKeyword('DELETE')) {
      this.expectKeyword('FROM');
      const table = this.name();
      const where = this.acceptKeyword('WHERE') ? this.condition() : undefined;
      return { kind: 'delete', table, where, returning: this.returning() };
    }
    if (this.acceptKeyword('EXISTS')) {
      this.expectPunctuation('(');
      this.expectKeyword('SELECT');
      const select = this.select();
      this.expectPunctuation(')');
      return { kind: 'exists', select };
    }
    return this.fail();
  }

  private select(): SelectStatement {
    let projection: PathNode[] | undefined;
    if (!this.acceptPunctuation('*')) {
      projection = [this.projectionPath()];
      while (this.acceptPunctuation(',')) projection.push(this.projectionPath());
    }
    this.expectKeyword('FROM');
    const from = this.tableReference();
    const where = this.acceptKeyword('WHERE') ? this.condition() : undefined;
    const orderBy: OrderBy[] = [];
    if (this.acceptKeyword('ORDER')) {
      this.expectKeyword('BY');
      do {
        const path = this.path();
        const descending = this.acceptKeyword('DESC');
        if (!descending) this.acceptKeyword('ASC');
        orderBy.push({ path, descending });
      } while (this.acceptPunctuation(','));
    }
    return { kind: 'select', projection, from, where, orderBy };
  }

  /** A projected path; DynamoDB rejects calls such as COUNT(*) at the call's name. */
  private projectionPath(): PathNode {
    const start = this.token;
    const path = this.path();
    if (this.isPunctuation('(')) throw validationError(`Unexpected path component ${at(start.position)}`);
    return path;
  }

  private update(): UpdateStatement {
    const table = this.name();
    const set: UpdateStatement['set'] = [];
    const remove: PathNode[] = [];
    let clauses = 0;
    for (;;) {
      if (this.acceptKeyword('SET')) {
        do {
          const path = this.path();
          this.expectPunctuation('=');
          set.push({ path, value: this.operand() });
        } while (this.acceptPunctuation(','));
      } else if (this.acceptKeyword('REMOVE')) {
        do remove.push(this.path());
        while (this.acceptPunctuation(','));
      } else break;
      clauses++;
    }
    if (clauses === 0) this.fail();
    const where = this.acceptKeyword('WHERE') ? this.condition() : undefined;
    return { kind: 'update', table, set, remove, where, returning: this.returning() };
  }

  private returning(): Returning | undefined {
    if (!this.acceptKeyword('RETURNING')) return undefined;
    const scope = this.acceptKeyword('ALL') ? 'ALL' : this.acceptKeyword('MODIFIED') ? 'MODIFIED' : this.fail();
    const image = this.acceptKeyword('OLD') ? 'OLD' : this.acceptKeyword('NEW') ? 'NEW' : this.fail();
    this.expectPunctuation('*');
    return `${scope}_${image}`;
  }

  private name(): string {
    const token = this.token;
    if (token.kind === 'quotedName' || (token.kind === 'word' && !RESERVED.has(token.upper))) {
      this.cursor++;
      return token.text;
    }
    return this.fail();
  }

  private tableReference(): TableReference {
    const table = this.name();
    if (!this.acceptPunctuation('.')) return { table };
    return { table, index: this.name() };
  }

  private path(): PathNode {
    const first = this.token;
    const segments: PathSegment[] = [{ kind: 'attribute', name: this.name() }];
    let last = first;
    for (;;) {
      if (this.acceptPunctuation('.')) {
        last = this.token;
        segments.push({ kind: 'attribute', name: this.name() });
      } else if (this.acceptPunctuation('[')) {
        const index = this.token;
        if (index.kind !== 'number' || !/^[0-9]+$/.test(index.text)) this.fail();
        this.cursor++;
        last = this.expectPunctuation(']');
        segments.push({ kind: 'index', index: Number(index.text) });
      } else break;
    }
    return { kind: 'path', segments, position: span(first.position, last.position) };
  }

  // condition := or;  or := and (OR and)*;  and := not (AND not)*;  not := NOT not | predicate
  private condition(): ConditionNode {
    let left = this.conjunction();
    while (this.acceptKeyword('OR')) left = { kind: 'or', left, right: this.conjunction() };
    return left;
  }

  private conjunction(): ConditionNode {
    let left = this.negation();
    while (this.acceptKeyword('AND')) left = { kind: 'and', left, right: this.negation() };
    return left;
  }

  private negation(): ConditionNode {
    if (this.acceptKeyword('NOT')) return { kind: 'not', operand: this.negation() };
    return this.predicate();
  }

  private predicate(): ConditionNode {
    if (this.acceptPunctuation('(')) {
      const inner = this.condition();
      this.expectPunctuation(')');
      return inner;
    }
    const operand = this.operand();
    const token = this.token;
    if (token.kind === 'punctuation' && token.text in COMPARATORS) {
      this.cursor++;
      return { kind: 'compare', operator: COMPARATORS[token.text] as Comparator, left: operand, right: this.operand() };
    }
    if (this.acceptKeyword('BETWEEN')) {
      const low = this.operand();
      this.expectKeyword('AND');
      return { kind: 'between', operand, low, high: this.operand() };
    }
    if (this.acceptKeyword('IN')) {
      const close = this.acceptPunctuation('[') ? ']' : this.acceptPunctuation('(') ? ')' : this.fail();
      const list = [this.operand()];
      while (this.acceptPunctuation(',')) list.push(this.operand());
      this.expectPunctuation(close);
      return { kind: 'in', operand, list };
    }
    if (this.acceptKeyword('IS')) {
      const negated = this.acceptKeyword('NOT');
      const test = this.acceptKeyword('MISSING') ? 'MISSING' : this.acceptKeyword('NULL') ? 'NULL' : this.fail();
      return { kind: 'is', operand, test, negated };
    }
    if (operand.kind === 'call') return { kind: 'function', call: operand };
    return this.fail();
  }

  private operand(): OperandNode {
    let left = this.primary();
    while (this.isPunctuation('+') || this.isPunctuation('-')) {
      const operator = this.next().text as '+' | '-';
      const right = this.primary();
      left = { kind: 'arithmetic', operator, left, right, position: left.position };
    }
    return left;
  }

  private primary(): OperandNode {
    const token = this.token;
    if (token.kind === 'word' && !RESERVED.has(token.upper) && this.tokens[this.cursor + 1]?.text === '(') {
      return this.call();
    }
    if (token.kind === 'quotedName' || (token.kind === 'word' && !RESERVED.has(token.upper))) return this.path();
    return this.value();
  }

  private call(): CallNode {
    const nameToken = this.next();
    this.expectPunctuation('(');
    const args: OperandNode[] = [];
    if (!this.isPunctuation(')')) {
      args.push(this.operand());
      while (this.acceptPunctuation(',')) args.push(this.operand());
    }
    this.expectPunctuation(')');
    return { kind: 'call', name: nameToken.text.toLowerCase(), args, position: nameToken.position };
  }

  private value(): ValueNode {
    const token = this.next();
    const position = token.position;
    switch (token.kind) {
      case 'string':
        return { kind: 'literal', value: { S: token.text }, position };
      case 'number':
        return { kind: 'literal', value: { N: normalizeNumber(token.text) }, position };
      case 'word':
        if (token.upper === 'TRUE' || token.upper === 'FALSE') {
          return { kind: 'literal', value: { BOOL: token.upper === 'TRUE' }, position };
        }
        if (token.upper === 'NULL') return { kind: 'literal', value: { NULL: true }, position };
        if (token.upper === 'MISSING') return { kind: 'missing', position };
        return this.fail();
      case 'punctuation':
        return this.compositeValue(token);
      default:
        return this.fail();
    }
  }

  private compositeValue(open: Token): ValueNode {
    const position = open.position;
    switch (open.text) {
      case '?':
        return { kind: 'parameter', index: this.parameterCount++, position };
      case '-': {
        const number = this.next();
        if (number.kind !== 'number') this.fail();
        return { kind: 'literal', value: { N: normalizeNumber(`-${number.text}`) }, position };
      }
      case '{': {
        const entries: { key: string; value: ValueNode }[] = [];
        const seen = new Set<string>();
        if (!this.acceptPunctuation('}')) {
          do {
            const key = this.next();
            if (key.kind !== 'string') this.fail();
            this.expectPunctuation(':');
            const value = this.value();
            if (seen.has(key.text)) throw validationError(`Duplicate keys in tuple. Key: ${key.text} under root ${at(key.position)}`);
            seen.add(key.text);
            entries.push({ key: key.text, value });
          } while (this.acceptPunctuation(','));
          this.expectPunctuation('}');
        }
        return { kind: 'map', entries, position };
      }
      case '[': {
        const items: ValueNode[] = [];
        if (!this.acceptPunctuation(']')) {
          do items.push(this.value());
          while (this.acceptPunctuation(','));
          this.expectPunctuation(']');
        }
        return { kind: 'list', items, position };
      }
      case '<<': {
        const items: ValueNode[] = [];
        if (!this.isPunctuation('>>')) {
          do items.push(this.value());
          while (this.acceptPunctuation(','));
        }
        this.expectPunctuation('>>');
        return { kind: 'set', items, position };
      }
      default:
        return this.fail();
    }
  }
}

function span(first: SourcePosition, last: SourcePosition): SourcePosition {
  if (first.line !== last.line) return first;
  return { line: first.line, column: first.column, length: last.column + last.length - first.column };
}

/** Parses one PartiQL statement; throws DynamoDB's ValidationException on bad syntax. */
export function parseStatement(statement: string): ParsedStatement {
  return new Parser(statement).parse();
}

