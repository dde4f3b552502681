import type { TFunction } from '@mendunia/i18n';
import { AdminApiError } from '../api.js';
import { AdminNoticeEvent, AdminSessionEndedEvent } from './events.js';

/**
 * A failed request in the merchant's words; a session that ended is reported to the app (which
 * shows the sign-in) instead. Returns the text to show beside the view, if any.
 */
export function reportError(host: HTMLElement, error: unknown, t: TFunction): string {
  if (error instanceof AdminApiError) {
    if (error.code === 'unauthorized') {
      host.dispatchEvent(new AdminSessionEndedEvent());
      return t('admin.error.session');
    }
    if (error.code === 'forbidden') return t('admin.error.forbidden');
  }
  return t('admin.error.generic', { reason: error instanceof Error ? error.message : String(error) });
}

export { AdminNoticeEvent };
