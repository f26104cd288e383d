import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importCycles } from './import-cycles';

let root = '';
function tree(files: Record<string, string>) {
  root = mkdtempSync(join(tmpdir(), 'import-cycles-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}
const names = (cycles: string[][]) => cycles.map((c) => c.map((f) => f.slice(root.length + 1)));

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('importCycles', () => {
  it('finds a cycle through three modules, with and without extensions and through an index', () => {
    const dir = tree({
      'a.ts': "import { b } from './b.tsx';\nexport const a = () => b;\n",
      'b.tsx': "import { c } from './lib';\nexport const b = () => c;\n",
      'lib/index.ts': "export { a as c } from '../a';\n",
    });
    expect(names(importCycles([dir]))).toEqual([['a.ts', 'b.tsx', 'lib/index.ts', 'a.ts']]);
  });

  it('finds a module that imports itself, and a side-effect import', () => {
    const dir = tree({
      'self.ts': "import './self';\nexport const x = 1;\n",
    });
    expect(names(importCycles([dir]))).toEqual([['self.ts', 'self.ts']]);
  });

  it('does not count type-only imports, dynamic imports or packages', () => {
    const dir = tree({
      'a.ts': "import type { B } from './b';\nimport { type C } from './c';\nexport type A = B | C;\n",
      'b.ts': "import { a } from './a';\nexport type B = typeof a;\nexport const a2 = a;\n",
      'c.ts':
        "import { x } from './a';\nexport type C = typeof x;\nexport const lazy = () => import('./d');\n",
      'd.ts': "import { lazy } from './c';\nimport { z } from 'zod';\nexport const d = [lazy, z];\n",
    });
    expect(importCycles([dir])).toEqual([]);
  });
});
