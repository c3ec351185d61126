// The English words outside the window, read straight from renderer/src/outside-messages.ts
// with the TypeScript parser: the build needs them before any extraction ran, and the
// module's `msg` macro only runs inside Lingui's compiler, never under Node.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

export const OUTSIDE_SOURCE = 'renderer/src/outside-messages.ts';

export type OutsideSourceResult =
  | { readonly ok: true; readonly english: ReadonlyMap<string, string> }
  | { readonly ok: false; readonly error: string };

/** A property of the descriptor that must be written as a plain string. */
function stringProperty(object: ts.ObjectLiteralExpression, name: string): string | null {
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property) || property.name.getText() !== name) continue;
    const value = property.initializer;
    if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return value.text;
    return null;
  }
  return null;
}

/** context → English message of every `msg({ context, message })` in the source text. */
export function readOutsideSourceText(text: string, file = OUTSIDE_SOURCE): OutsideSourceResult {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const english = new Map<string, string>();
  let problem: string | null = null;
  const visit = (node: ts.Node): void => {
    if (
      problem === null &&
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'msg'
    ) {
      const [descriptor] = node.arguments;
      const context =
        descriptor && ts.isObjectLiteralExpression(descriptor)
          ? stringProperty(descriptor, 'context')
          : null;
      const message =
        descriptor && ts.isObjectLiteralExpression(descriptor)
          ? stringProperty(descriptor, 'message')
          : null;
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      if (context === null || message === null) {
        problem = `${file}:${line}: msg() needs a literal context and message`;
      } else if (english.has(context)) {
        problem = `${file}:${line}: context ${context} is used twice`;
      } else english.set(context, message);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problem === null ? { ok: true, english } : { ok: false, error: problem };
}

export function readOutsideSource(file = OUTSIDE_SOURCE): OutsideSourceResult {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { ok: false, error: `${file} cannot be read` };
  }
  return readOutsideSourceText(text, file);
}
