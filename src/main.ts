import { mount } from 'svelte';
import { AppState } from './ui/app.svelte.ts';
import App from './ui/App.svelte';
import './ui/app.css';

// The page's own folder is the site's base, whatever sub-path it is hosted under.
const siteBase = new URL('.', document.baseURI).href;
const target = document.getElementById('app')!;
// The static "could not load" message stays only if this script never runs.
target.replaceChildren();
mount(App, { target, props: { app: new AppState(siteBase) } });
