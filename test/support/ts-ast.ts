import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Parses a source file with the TypeScript compiler, for static security checks. */
export function parseSource(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

/** Every node below `root` (depth first) that satisfies `accept`. */
export function findNodes<T extends ts.Node>(root: ts.Node, accept: (n: ts.Node) => n is T): T[] {
  const found: T[] = [];
  const visit = (node: ts.Node) => {
    if (accept(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** Every call `x.name(...)` in a file. */
export function findMethodCalls(file: ts.SourceFile, name: string): ts.CallExpression[] {
  return findNodes(
    file,
    (n): n is ts.CallExpression =>
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === name,
  );
}

/** The function literal passed as argument `index`, or throws: the checks need a literal to read. */
export function functionArgument(
  call: ts.CallExpression,
  index: number,
): ts.ArrowFunction | ts.FunctionExpression {
  const arg = call.arguments[index];
  if (arg && (ts.isArrowFunction(arg) || ts.isFunctionExpression(arg))) return arg;
  throw new Error(`expected a function literal as argument ${index} of ${call.getText()}`);
}

/** The name of parameter `index` of a function literal. */
export function parameterName(fn: ts.SignatureDeclarationBase, index: number): string {
  const name = fn.parameters[index]?.name;
  if (!name || !ts.isIdentifier(name)) throw new Error(`parameter ${index} is not a plain name`);
  return name.text;
}

/** What a function literal can return: its expression body or every `return` expression. */
export function returnedExpressions(
  fn: ts.ArrowFunction | ts.FunctionExpression,
): (ts.Expression | undefined)[] {
  if (!ts.isBlock(fn.body)) return [fn.body];
  return findNodes(fn.body, ts.isReturnStatement).map((r) => r.expression);
}

/** Unwraps `( … )` around an expression. */
export function unwrap(e: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(e) ? unwrap(e.expression) : e;
}

/** Every .ts file below a directory. */
export function typeScriptFilesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? typeScriptFilesBelow(p) : /\.tsx?$/.test(p) ? [p] : [];
  });
}
