/**
 * Finds import cycles among the project's own modules, in about a second. It stands in for ESLint's
 * `import/no-cycle`, which took three quarters of the lint time and, without a TypeScript parser for
 * the files it follows, found nothing at all.
 *
 * An edge is a static import or re-export of a value from a relative path. Type-only imports vanish
 * at build time and `import()` is loaded later on purpose (the routes' chunks), so neither can make a
 * module read another before that one has run; neither is an edge.
 *
 * `tsx tools/import-cycles.ts [folder…]` prints each cycle and exits 1 when there is one.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx|mts)$/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return [];
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveRelative(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((c) => SOURCE.test(c) && existsSync(c) && statSync(c).isFile()) ?? null;
}

/** True when an import brings in no value: `import type …` or only `type` specifiers. */
function typeOnly(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import './x'` runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  if (!bindings || ts.isNamespaceImport(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

/** The relative modules a file reads values from before it runs. */
export function valueImports(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const node of source.statements) {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(node) && !typeOnly(node)) specifier = node.moduleSpecifier;
    if (ts.isExportDeclaration(node) && !node.isTypeOnly) specifier = node.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    const target = resolveRelative(file, specifier.text);
    if (target) found.push(target);
  }
  return found;
}

/** Every cycle (a strongly connected set of modules), each as one path that closes on itself. */
export function importCycles(folders: string[]): string[][] {
  const files = folders.flatMap((f) => (existsSync(f) ? sourceFiles(resolve(f)) : []));
  const edges = new Map(files.map((f) => [f, valueImports(f)]));
  // Tarjan's strongly connected components, iterative so deep chains cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  for (const root of files) {
    if (index.has(root)) continue;
    const work: { node: string; child: number }[] = [{ node: root, child: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const children = edges.get(frame.node) ?? [];
      if (frame.child < children.length) {
        const child = children[frame.child++]!;
        if (!index.has(child)) {
          index.set(child, next);
          low.set(child, next++);
          stack.push(child);
          onStack.add(child);
          work.push({ node: child, child: 0 });
        } else if (onStack.has(child)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      const selfLoop = (edges.get(frame.node) ?? []).includes(frame.node);
      if (component.length > 1 || selfLoop) components.push(cycleThrough(component, edges));
    }
  }
  return components;
}

/** One concrete cycle inside a strongly connected set, for a readable message. */
function cycleThrough(component: string[], edges: Map<string, string[]>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const path = [start];
  const seen = new Set([start]);
  for (;;) {
    const here = path[path.length - 1]!;
    const onward = (edges.get(here) ?? []).filter((e) => members.has(e));
    if (onward.includes(start)) return [...path, start];
    const step = onward.find((e) => !seen.has(e)) ?? onward[0]!;
    if (seen.has(step)) return [...path.slice(path.indexOf(step)), step];
    path.push(step);
    seen.add(step);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const folders = process.argv.slice(2);
  const cycles = importCycles(
    folders.length > 0 ? folders : ['src', 'server', 'e2e', 'bench', 'build-plugins', 'tools'],
  );
  for (const cycle of cycles) {
    console.error(`import cycle: ${cycle.map((f) => relative(process.cwd(), f)).join(' → ')}`);
  }
  if (cycles.length > 0) process.exit(1);
  console.log('no import cycles');
}
