// Registers the dashboard's tags (importing the classes alone registers nothing).
import { defineElement } from '@mendunia/elements';
import { MenduniaAdmin } from './app/admin.js';
import { MenduniaAdminOrders } from './orders/orders.js';
import { MenduniaAdminOrder } from './order/order.js';
import { MenduniaAdminPaperwork } from './paperwork/paperwork.js';

defineElement('mendunia-admin-orders', MenduniaAdminOrders);
defineElement('mendunia-admin-order', MenduniaAdminOrder);
defineElement('mendunia-admin-paperwork', MenduniaAdminPaperwork);
defineElement('mendunia-admin', MenduniaAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'mendunia-admin': MenduniaAdmin;
    'mendunia-admin-orders': MenduniaAdminOrders;
    'mendunia-admin-order': MenduniaAdminOrder;
    'mendunia-admin-paperwork': MenduniaAdminPaperwork;
  }
}
