/**
 * What a view tells the app: a change saved or failed (the app's live region reads it out), and
 * a session that ended (the app shows the sign-in again).
 */
export class AdminNoticeEvent extends Event {
  readonly text: string;
  readonly kind: 'status' | 'error';
  constructor(text: string, kind: 'status' | 'error' = 'status') {
    super('mendunia-admin-notice', { bubbles: true, composed: true });
    this.text = text;
    this.kind = kind;
  }
}

export class AdminSessionEndedEvent extends Event {
  constructor() {
    super('mendunia-admin-session-ended', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mendunia-admin-notice': AdminNoticeEvent;
    'mendunia-admin-session-ended': AdminSessionEndedEvent;
  }
}
