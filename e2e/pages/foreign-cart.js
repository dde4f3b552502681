// Stands for a theme's own element that took the name first (e2e/host-page.test.mjs).
customElements.define('mendunia-cart', class ThemeCart extends HTMLElement {});
