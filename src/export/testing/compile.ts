// Node-only test support: type-check generated TypeScript exactly as a user would (strict,
// real dependency typings) and load it as a CommonJS module. Files go to a temp directory whose
// node_modules links to this project's, so imports resolve to the installed packages.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: true,
  types: ['node'],
};

/** Type-checks `files` (name → source) with `tsc --strict`; returns the formatted diagnostics. */
export function typeCheck(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tablesmith-tsc-'));
  try {
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    // A CommonJS package scope so `import` compiles the way a CDK app's tsconfig does.
    writeFileSync(join(dir, 'package.json'), '{"type":"commonjs"}');
    const names = Object.entries(files).map(([name, source]) => {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, source);
      return path;
    });
    const program = ts.createProgram(names, COMPILER_OPTIONS);
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (diagnostic.file === undefined || diagnostic.start === undefined) return text;
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return `${diagnostic.file.fileName.slice(dir.length + 1)}:${line + 1}:${character + 1} ${text}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Transpiles one TypeScript module to CommonJS and evaluates it with this project's packages. */
export function loadModule(source: string, requireOverrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const projectRequire = createRequire(join(PROJECT_ROOT, 'package.json'));
  const moduleObject: { exports: Record<string, unknown> } = { exports: {} };
  const requireFn = (id: string): unknown => (id in requireOverrides ? requireOverrides[id] : projectRequire(id));
  new Function('require', 'module', 'exports', outputText)(requireFn, moduleObject, moduleObject.exports);
  return moduleObject.exports;
}
