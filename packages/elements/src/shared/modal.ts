import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The element that really has focus, looking inside shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement as HTMLElement | null;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
  return el;
}

/**
 * Drives a native modal `<dialog>` from a boolean in a store (the cart drawer, the checkout):
 * focus moves in and comes back to where it was, Esc and a backdrop click ask to close, and the
 * page behind does not scroll while it is open.
 */
export class ModalController implements ReactiveController {
  private returnFocus: HTMLElement | null = null;
  private scrollLocked = false;
  private previousOverflow = '';

  constructor(
    host: ReactiveControllerHost,
    private readonly dialog: () => HTMLDialogElement | null | undefined,
    /** Asks the store to close (Esc, backdrop, the dialog closing itself). */
    private readonly requestClose: () => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.unlockScroll();
  }

  /** Call from the host's `updated()`: opens or closes the dialog to match `open`. */
  sync(open: boolean): void {
    const dialog = this.dialog();
    if (!dialog) return;
    if (open && !dialog.open) {
      this.returnFocus = deepActiveElement();
      this.lockScroll();
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }

  readonly onCancel = (e: Event): void => {
    // Esc: close through the store so every button that opens it knows.
    e.preventDefault();
    this.requestClose();
  };

  readonly onClose = (): void => {
    this.unlockScroll();
    this.requestClose();
    const target = this.returnFocus;
    this.returnFocus = null;
    if (target?.isConnected) target.focus();
  };

  readonly onClick = (e: MouseEvent): void => {
    // A click on the backdrop lands on the dialog itself, outside its content.
    if (e.target === this.dialog()) this.requestClose();
  };

  private lockScroll(): void {
    if (this.scrollLocked) return;
    this.scrollLocked = true;
    this.previousOverflow = document.documentElement.style.overflow;
    document.documentElement.style.overflow = 'hidden';
  }

  private unlockScroll(): void {
    if (!this.scrollLocked) return;
    this.scrollLocked = false;
    document.documentElement.style.overflow = this.previousOverflow;
  }
}
