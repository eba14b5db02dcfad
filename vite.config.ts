import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs let the built site be served from any sub-path of any static host.
  base: './',
  plugins: [svelte()],
  worker: { format: 'es' },
  // Transformers.js and onnxruntime load their own wasm at run time; pre-bundling them breaks those URLs.
  optimizeDeps: { exclude: ['@huggingface/transformers', 'onnxruntime-web'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
