import { defineElement } from '../shared/define.js';
import { MenduniaLandedCost } from './landed-cost.js';

defineElement('mendunia-landed-cost', MenduniaLandedCost);

declare global {
  interface HTMLElementTagNameMap {
    'mendunia-landed-cost': MenduniaLandedCost;
  }
}
