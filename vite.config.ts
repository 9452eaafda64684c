import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Monaco's package entry registers the CSS and HTML language services, whose workers and
 * modes the app never uses (its editors show JSON, TypeScript, YAML and Markdown). Their
 * registration modules are replaced by empty ones, so neither the services nor their workers
 * are shipped; the CSS/HTML syntax colouring (a small tokenizer each) stays.
 */
function withoutUnusedMonacoLanguages(): Plugin {
  const unused = /monaco-editor\/esm\/vs\/languages\/features\/(css|html)\/register\.js$/;
  const stub = '\0tablesmith:unused-monaco-language';
  return {
    name: 'tablesmith:without-unused-monaco-languages',
    enforce: 'pre',
    resolveId: {
      filter: { id: /features\/(css|html)\/register\.js$/ },
      async handler(source, importer, options) {
        if (!importer?.includes('monaco-editor')) return null;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        return resolved && unused.test(resolved.id.replaceAll('\\', '/')) ? stub : null;
      },
    },
    load(id) {
      return id === stub ? 'export {};' : null;
    },
  };
}

export default defineConfig({
  plugins: [react(), withoutUnusedMonacoLanguages()],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
  },
  worker: { format: 'es' },
});
