import { defineElement } from '../shared/define.js';
import { MenduniaProductCard } from './product-card.js';

defineElement('mendunia-product-card', MenduniaProductCard);

declare global {
  interface HTMLElementTagNameMap {
    'mendunia-product-card': MenduniaProductCard;
  }
}
