import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The store reads its numbered SQL migrations from `migrations/` next to the code (src/core/store/migrate.ts).
const copyMigrations: Plugin = {
  name: 'nianbao-copy-migrations',
  writeBundle(options) {
    if (!options.dir) return;
    cpSync(resolve(import.meta.dirname, 'src/core/store/migrations'), resolve(options.dir, 'migrations'), {
      recursive: true,
    });
  },
};

// The renderer's Content Security Policy, added to the built page only: the dev server's hot reload needs inline
// scripts that this policy (rightly) refuses.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // ag-grid's theming injects <style> elements
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
const cspForBuild: Plugin = {
  name: 'nianbao-csp',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace(
      '<meta charset="UTF-8" />',
      `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
    ),
};

interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/** The page's entry script: boot.ts (the first requests), main.tsx and vite's loader stay in it. */
const isEntryModule = (id: string): boolean =>
  /[\\/]src[\\/]renderer[\\/]src[\\/](main\.tsx|boot\.ts|styles\.css)$/.test(id) ||
  id.endsWith('index.html') ||
  id.includes('preload-helper');
/** Whether each module needs ag-grid, per build (the chunking pass hands every module the same graph). */
const needsGridByGraph = new WeakMap<ModuleGraph, Map<string, boolean>>();

/**
 * The renderer's code past its entry in two chunks: ag-grid with every module that needs it, loaded behind the
 * queue's first paint (src/renderer/src/queue/QueuePreview.tsx), and the rest in one, so that the first paint waits
 * for as few fetches as can be.
 */
function rendererChunk(id: string, graph: ModuleGraph): string {
  const needsGrid = needsGridByGraph.get(graph) ?? new Map<string, boolean>();
  needsGridByGraph.set(graph, needsGrid);
  const visit = (m: string): boolean => {
    if (/[\\/]node_modules[\\/](ag-grid-|@ag-grid-|ag-stack)/.test(m)) return true;
    const known = needsGrid.get(m);
    if (known !== undefined) return known;
    needsGrid.set(m, false); // an import cycle
    const result = (graph.getModuleInfo(m)?.importedIds ?? []).some(visit);
    needsGrid.set(m, result);
    return result;
  };
  return visit(id) ? 'grid' : 'app';
}

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin(), copyMigrations],
    build: {
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          // The import pool's worker thread (src/core/library/pool.ts loads out/main/import-worker.js).
          'import-worker': resolve(import.meta.dirname, 'src/core/library/import-worker.ts'),
        },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        // A sandboxed preload must be a single CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    build: {
      // Less to parse before the queue's first paint.
      minify: true,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') },
        output: {
          codeSplitting: {
            includeDependenciesRecursively: false,
            groups: [{ name: rendererChunk, test: (id) => !isEntryModule(id) }],
          },
        },
      },
    },
    plugins: [react(), cspForBuild],
  },
});
