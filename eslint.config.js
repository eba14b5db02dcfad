import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { importX } from 'eslint-plugin-import-x';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The layers of src/ (README, "How it is built"): a pure core used by both sides, adapters that know one outside
 * thing each, the worker that owns indexes and search, and the page that displays. Each zone names what a layer
 * must not import.
 */
const layers = [
  {
    target: './src/core',
    from: ['./src/ui', './src/worker', './src/store', './src/embed', './src/import'],
    message: 'src/core is pure and shared by the page, the worker and the scripts: it imports only src/core.',
  },
  {
    target: './src/store',
    from: ['./src/ui', './src/worker', './src/embed', './src/import'],
    message: 'src/store is the IndexedDB adapter: it knows src/core only, not who uses it.',
  },
  {
    target: './src/embed',
    from: ['./src/ui', './src/worker', './src/store', './src/import'],
    message: 'src/embed is the Transformers.js adapter: it knows src/core only.',
  },
  {
    target: './src/import',
    from: ['./src/ui', './src/worker', './src/store', './src/embed'],
    message: 'src/import reads files in the page: it knows src/core only.',
  },
  {
    target: './src/worker',
    from: ['./src/ui', './src/import'],
    message: 'The worker does not know the page.',
  },
  {
    target: './src/ui',
    from: './src/worker',
    except: ['./protocol.ts'],
    message: 'The page talks to the worker through messages only: import types from src/worker/protocol.ts.',
  },
  {
    target: './src/ui',
    from: ['./src/store', './src/embed'],
    message: 'The page does not touch storage or the model: the worker does, and answers in messages.',
  },
  {
    target: './src',
    from: ['./scripts', './tests'],
    message: 'The app does not depend on build scripts or tests.',
  },
];

const nodeBuiltins = {
  group: ['node:*'],
  message: 'Node built-ins are for scripts and tests; src/ runs in the browser.',
};

export default ts.config(
  { ignores: ['dist/', 'public/', 'bench/results/', 'seeds/', 'dev-dist/'] },
  js.configs.recommended,
  ts.configs.recommendedTypeChecked,
  svelte.configs['flat/recommended'],
  prettier,
  svelte.configs['flat/prettier'],
  {
    plugins: { 'import-x': importX },
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.config.js'] },
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    settings: {
      'import-x/resolver': { node: { extensions: ['.ts', '.js'] } },
      'import-x/ignore': ['node_modules'],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layers }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      // TypeScript checks names; ESLint's own check does not know the project's declarations (env.d.ts).
      'no-undef': 'off',
    },
  },
  { files: ['**/*.js'], ...ts.configs.disableTypeChecked },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } },
  },
  { files: ['src/ui/**', 'src/main.ts', 'src/import/**'], languageOptions: { globals: globals.browser } },
  { files: ['src/worker/**', 'src/embed/**', 'src/store/**'], languageOptions: { globals: globals.worker } },
  {
    files: ['src/**'],
    ignores: ['src/embed/nodeEnv.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins] }],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [nodeBuiltins],
          paths: ['idb', '@huggingface/transformers', 'onnxruntime-web', 'pdfjs-dist', 'svelte'].map((name) => ({
            name,
            message: 'src/core is pure: storage, the model, PDF reading and display belong to the adapters.',
          })),
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'tests/**', '*.config.{js,ts}', 'vite.config.ts'],
    languageOptions: { globals: globals.node },
  },
);
