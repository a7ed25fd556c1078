// The one modal dialog of the app, on react-aria: it traps focus, closes on Escape, returns focus
// to what opened it, and is named by its title. Clicking outside does not close it, so a half-filled
// form is never lost by a stray click.
import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

interface Props {
  title: string;
  isOpen: boolean;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'small' | 'medium' | 'large' | 'wide';
  role?: 'dialog' | 'alertdialog';
}

export function AppDialog({ title, isOpen, onClose, children, footer, size = 'medium', role = 'dialog' }: Props) {
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={(open) => !open && onClose()} className="modal-overlay">
      <Modal className={`modal modal-${size}`}>
        <Dialog className="dialog" role={role}>
          <header className="dialog-header">
            <Heading slot="title" className="dialog-title">
              {title}
            </Heading>
            <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
              <span aria-hidden="true">✕</span>
            </button>
          </header>
          <div className="dialog-body">{children}</div>
          {footer && <footer className="dialog-footer">{footer}</footer>}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** The footer of a dialog that holds one form: Cancel, and the button that submits the form. */
export function FormFooter({ formId, onCancel, disabled, submitLabel }: { formId: string; onCancel(): void; disabled: boolean; submitLabel: ReactNode }) {
  return (
    <>
      <span className="spacer" />
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" form={formId} className="button button-primary" disabled={disabled}>
        {submitLabel}
      </button>
    </>
  );
}
