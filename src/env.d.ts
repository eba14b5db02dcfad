/// <reference types="svelte" />
/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/svelte" />

/** Set by vite.config.ts: when this deployment was built (or the BUILD_ID it was given). */
declare const __BUILD_ID__: string;
