// Register the elements before Vue mounts: Vue then sets bound values (:storefront) as
// properties, because the element has them.
import '@mendunia/elements/define-all.js';
import { createApp } from 'vue';
import App from './App.vue';
import '../../shared/demo-shop.css';

createApp(App).mount('#app');
