// Register the elements before Svelte mounts: Svelte then sets values it binds (storefront=…)
// as properties, because the element has them.
import '@mendunia/elements/define-all.js';
import { mount } from 'svelte';
import App from './App.svelte';
import '../../shared/demo-shop.css';

mount(App, { target: document.getElementById('app') });
