// Classes and the API client only: importing this registers no tags (import './define.js').
export { MenduniaAdmin, ADMIN_LANGUAGES, type AdminLanguage } from './app/admin.js';
export { MenduniaAdminOrders, PAGE_SIZE } from './orders/orders.js';
export { MenduniaAdminOrder } from './order/order.js';
export { MenduniaAdminPaperwork, defaultPaperSize, PAPER_SIZES, type PaperSize } from './paperwork/paperwork.js';
export * from './api.js';
export { parseRoute, routeHash, type Route } from './route.js';
export { shipmentNotice, type ShipmentNotice } from './notice.js';
export { AdminNoticeEvent, AdminSessionEndedEvent } from './shared/events.js';
