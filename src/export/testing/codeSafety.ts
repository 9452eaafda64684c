// Proof that hostile names stayed data: parse generated code with TypeScript and list what a
// name could have turned into — identifiers and comments. A name that escaped its string
// literal shows up as an identifier (e.g. `process`) or inside a comment.
import ts from 'typescript';

export interface CodeShape {
  identifiers: Set<string>;
  comments: string[];
  syntaxErrors: string[];
}

export function codeShape(code: string): CodeShape {
  const file = ts.createSourceFile('generated.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const identifiers = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) identifiers.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  const comments: string[] = [];
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, code);
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia) {
      comments.push(scanner.getTokenText());
    }
    // Template literals need the parser's help to rescan; generated code has none outside strings.
  }
  const diagnostics = (file as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  return {
    identifiers,
    comments,
    syntaxErrors: diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
  };
}
