import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress, servePrecompressed } from './scripts/vite/precompress.ts';

/** Identifies a deployment in the page footer, so a reader (and the update test) can tell versions apart. */
const buildId = process.env['BUILD_ID'] ?? new Date().toISOString().slice(0, 16).replace('T', ' ');

/** Static servers know .wasm and .mjs; .onnx model files need their type stated, or some hosts refuse to serve them. */
const onnxContentType: Plugin = {
  name: 'onnx-content-type',
  configurePreviewServer(server) {
    server.middlewares.use((req, res, next) => {
      if (req.url?.split('?')[0]?.endsWith('.onnx')) res.setHeader('Content-Type', 'application/octet-stream');
      next();
    });
  },
};

/**
 * public/models may hold several built models (the fallback, a measured alternative); the site ships only the one
 * public/config.json names (written by scripts/ensure-model.ts), so nothing else is downloaded or precached.
 */
const siteModel: string | null = existsSync('public/config.json')
  ? (JSON.parse(readFileSync('public/config.json', 'utf8')) as { model: string }).model
  : null;
const otherModels =
  siteModel && existsSync('public/models')
    ? readdirSync('public/models').filter((d) => !d.startsWith('.') && d !== siteModel.split('/')[0])
    : [];
const onlySiteModel: Plugin = {
  name: 'only-site-model',
  apply: 'build',
  writeBundle(options) {
    for (const dir of otherModels) rmSync(join(options.dir ?? 'dist', 'models', dir), { recursive: true, force: true });
  },
};

/**
 * The page may load nothing but its own files: no third-party script, style, font, image or connection.
 * onnxruntime compiles WebAssembly ('wasm-unsafe-eval') and starts its proxy worker from a blob: URL. Only the build
 * gets the policy: the dev server injects its own client.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' blob: 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "manifest-src 'self'",
].join('; ');

const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const contentSecurityPolicy: Plugin = {
  name: 'content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
};

export default defineConfig({
  // Relative asset URLs let the built site be served from any sub-path of any static host.
  base: './',
  define: { __BUILD_ID__: JSON.stringify(buildId) },
  plugins: [
    svelte(),
    onnxContentType,
    contentSecurityPolicy,
    onlySiteModel,
    servePrecompressed(),
    VitePWA({
      // The reader decides when to switch to a new deployment; until then the old one keeps working, whole.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        name: 'What changed? Children’s services inspections compared',
        short_name: 'What changed?',
        description:
          'Compare the 2012 and 2022 Ofsted inspections of Redcar and Cleveland children’s services, theme by theme, offline.',
        lang: 'en-GB',
        theme_color: '#0b4f8a',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Everything the app needs offline: the shell, the reports and their vectors, the model and onnxruntime's wasm.
        globPatterns: ['**/*.{html,js,mjs,css,svg,png,json,bin,wasm,onnx,webmanifest}'],
        globIgnores: ['**/build-info.json', ...otherModels.map((d) => `models/${d}/**`)],
        // onnxruntime's wasm and the model are each several times the default 2 MB limit, which would silently leave them out.
        maximumFileSizeToCacheInBytes: 40 * 1024 * 1024,
        navigateFallback: 'index.html',
        // Take control on the very first visit, so going offline right after it works. An update still waits for the
        // reader (no skipWaiting), so this never mixes versions.
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
    precompress(),
  ],
  worker: { format: 'es' },
  resolve: {
    // Transformers.js imports onnxruntime's WebGPU build, whose larger asyncify wasm exists for WebGPU; the app embeds
    // on the CPU (wasm execution provider), for which the plain SIMD build is the one made.
    alias: [{ find: /^onnxruntime-web\/webgpu$/, replacement: 'onnxruntime-web/wasm' }],
  },
  // Transformers.js and onnxruntime load their own wasm at run time; pre-bundling them breaks those URLs.
  optimizeDeps: { exclude: ['@huggingface/transformers', 'onnxruntime-web'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  // Cross-origin isolation (everything the page loads is its own), so onnxruntime may use several threads. The
  // policy as a header too: the page's meta policy does not reach its workers, which a header on their script does.
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    headers: { ...CROSS_ORIGIN_ISOLATION, 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
  server: { headers: CROSS_ORIGIN_ISOLATION },
});
