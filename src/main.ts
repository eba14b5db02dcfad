import { mount } from 'svelte';
import { AppState } from './ui/app.svelte.ts';
import App from './ui/App.svelte';
import './ui/app.css';

// The page's own folder is the site's base, whatever sub-path it is hosted under.
const siteBase = new URL('.', document.baseURI).href;
mount(App, { target: document.getElementById('app')!, props: { app: new AppState(siteBase) } });
