/**
 * Architecture boundaries, checked mechanically (see /work/shared/ARCHITECTURE.md):
 * - src/core imports nothing of React, React Flow, zustand, the DOM-only libraries, Node's
 *   built-ins, or src/ui, src/app, src/cli;
 * - src/ui/canvas and src/ui/panels never import each other;
 * - only src/ui/store imports zustand (and its middleware zundo); only src/ui/canvas imports React Flow.
 * The rules are a pure function over (path, content) pairs, so they are exercised below on fake
 * files as well: the test cannot pass just because a directory is empty or missing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

interface SourceFile {
  /** Path from the repository root, with forward slashes, e.g. `src/core/model/types.ts`. */
  path: string;
  content: string;
}

const ROOT = join(import.meta.dirname, '..');
const SOURCE_EXT = /\.(?:[cm]?ts|tsx)$/;

/** Every module specifier a file imports: static, type-only, re-exports, dynamic import(), require(). */
export function importsOf(content: string): string[] {
  const info = ts.preProcessFile(content, true, true);
  return info.importedFiles.map((f) => f.fileName);
}

const isTestFile = (path: string) => /\.test\.tsx?$/.test(path);
const isPackage = (spec: string, name: string) => spec === name || spec.startsWith(`${name}/`);
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]!]));
const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]!);

const CORE_FORBIDDEN_PACKAGES = ['react', 'react-dom', '@xyflow/react', '@xyflow/system', 'zustand', 'zundo', 'html-to-image'];
const CORE_FORBIDDEN_DIRS = ['src/ui', 'src/app', 'src/cli', 'src/main'];

const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`) || path.startsWith(`${dir}.`);

/** Where a specifier points inside the repo (relative or `src/...`), or undefined for a package. */
function target(fromPath: string, spec: string): string | undefined {
  if (spec.startsWith('.')) return posix.normalize(posix.join(posix.dirname(fromPath), spec));
  const m = /(?:^|\/)(src\/.*)$/.exec(spec);
  return m ? m[1] : undefined;
}

/** All boundary violations in a set of files, one readable line each (file: import — rule). */
export function violations(files: readonly SourceFile[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    for (const spec of importsOf(file.content)) {
      const to = target(file.path, spec);
      const report = (rule: string) => found.push(`${file.path}: imports '${spec}' — ${rule}`);

      if (under(file.path, 'src/core')) {
        const pkg = CORE_FORBIDDEN_PACKAGES.find((p) => isPackage(spec, p));
        if (pkg) report(`src/core must not depend on ${pkg}`);
        // Tests of core run only in Node (they read fixtures, start moto); shipped core code must not.
        else if (isNodeBuiltin(spec) && !isTestFile(file.path)) report('src/core must not use Node built-ins (it runs in the browser too)');
        const dir = to && CORE_FORBIDDEN_DIRS.find((d) => under(to, d));
        if (dir) report(`src/core must not import from ${dir}`);
      }
      if (under(file.path, 'src/ui/canvas') && to && under(to, 'src/ui/panels')) report('canvas and panels never import each other');
      if (under(file.path, 'src/ui/panels') && to && under(to, 'src/ui/canvas')) report('canvas and panels never import each other');
      if (under(file.path, 'src') && !under(file.path, 'src/ui/store') && (isPackage(spec, 'zustand') || isPackage(spec, 'zundo'))) {
        report('only src/ui/store imports zustand/zundo');
      }
      if (under(file.path, 'src') && !under(file.path, 'src/ui/canvas') && spec.startsWith('@xyflow/')) {
        report('only src/ui/canvas imports React Flow');
      }
    }
  }
  return found;
}

function listSources(dir: string): SourceFile[] {
  const abs = join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return []; // the directory does not exist (yet)
  }
  return entries.flatMap((name) => {
    const full = join(abs, name);
    const rel = relative(ROOT, full).split(sep).join('/');
    if (statSync(full).isDirectory()) return listSources(rel);
    return SOURCE_EXT.test(name) ? [{ path: rel, content: readFileSync(full, 'utf8') }] : [];
  });
}

describe('architecture boundaries', () => {
  const sources = listSources('src');

  it('scans the real source tree, core included', () => {
    expect(sources.filter((f) => f.path.startsWith('src/core/')).length).toBeGreaterThanOrEqual(1);
  });

  it('finds no violations in src', () => {
    expect(violations(sources)).toEqual([]);
  });

  describe('the scanner itself', () => {
    const check = (path: string, content: string) => violations([{ path, content }]);

    it('reports a React import in core, naming file and import', () => {
      expect(check('src/core/engine/x.ts', "import x from 'react';")).toEqual([
        "src/core/engine/x.ts: imports 'react' — src/core must not depend on react",
      ]);
    });

    it('sees every import form, multi-line and type-only included', () => {
      const content = [
        "import type {\n  Node,\n} from '@xyflow/react';",
        "export { create } from 'zustand';",
        "import 'html-to-image';",
        "const d = await import('react-dom/client');",
        "const fs = require('fs');",
        "import { join } from 'node:path';",
        "import { spawn } from 'child_process';",
        "import { App } from '../../app/App.tsx';",
        "import { main } from '../../cli/main.ts';",
        "import { useStore } from '../../ui/store/index.ts';",
        "import { temporal } from 'zundo';",
      ].join('\n');
      const coreLines = check('src/core/model/bad.ts', content).filter((l) => l.includes('— src/core must not'));
      expect(coreLines.map((l) => /imports '([^']+)'/.exec(l)?.[1])).toEqual([
        '@xyflow/react',
        'zustand',
        'html-to-image',
        'react-dom/client',
        'fs',
        'node:path',
        'child_process',
        '../../app/App.tsx',
        '../../cli/main.ts',
        '../../ui/store/index.ts',
        'zundo',
      ]);
    });

    it('ignores imports inside comments and strings, and allows core-internal and ordinary packages', () => {
      const content = "// import x from 'react'\nconst s = \"from 'zustand'\";\nimport { ok } from '../model/result.ts';\nimport ipaddr from 'ipaddr.js';\nimport { z } from 'zod';";
      expect(check('src/core/engine/fine.ts', content)).toEqual([]);
    });

    it('keeps canvas and panels apart, in both directions', () => {
      expect(check('src/ui/canvas/nodes/Vpc.tsx', "import { Inspector } from '../../panels/Inspector.tsx';")).toHaveLength(1);
      expect(check('src/ui/panels/Inspector.tsx', "import { VpcNode } from '../canvas/nodes/Vpc.tsx';")).toHaveLength(1);
      expect(check('src/app/App.tsx', "import { Canvas } from '../ui/canvas/Canvas.tsx';\nimport { Inspector } from '../ui/panels/Inspector.tsx';")).toEqual([]);
    });

    it('confines zustand to src/ui/store and React Flow to src/ui/canvas', () => {
      expect(check('src/ui/store/index.ts', "import { create } from 'zustand';\nimport { temporal } from 'zundo';")).toEqual([]);
      expect(check('src/ui/panels/Inspector.tsx', "import { useStore } from 'zustand';")).toHaveLength(1);
      expect(check('src/ui/canvas/Canvas.tsx', "import { ReactFlow } from '@xyflow/react';")).toEqual([]);
      expect(check('src/app/App.tsx', "import { ReactFlowProvider } from '@xyflow/react';")).toHaveLength(1);
    });
  });
});
