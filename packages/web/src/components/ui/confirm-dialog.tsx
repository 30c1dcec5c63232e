import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from './button';

export interface ConfirmDialogProps {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  isPending?: boolean;
  /** An error to show inside the dialog (the action failed). */
  error?: string | null;
}

/**
 * A modal confirmation (`role="alertdialog"`): focus moves into it and is trapped, Escape cancels,
 * and focus returns to what opened it. The safe choice, Cancel, has the focus first.
 */
export function ConfirmDialog({ isOpen, onOpenChange, title, children, confirmLabel, onConfirm, isPending, error }: ConfirmDialogProps) {
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={onOpenChange} isDismissable className="modal-overlay">
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog">
          {({ close }) => (
            <>
              <Heading slot="title">{title}</Heading>
              <div className="dialog-body">{children}</div>
              {error && (
                <p className="form-error" role="alert">
                  {error}
                </p>
              )}
              <div className="actions">
                {/* eslint-disable-next-line jsx-a11y/no-autofocus -- an alert dialog focuses its least destructive action (WAI-ARIA APG) */}
                <Button onPress={close} autoFocus>
                  Cancel
                </Button>
                <Button variant="danger" onPress={onConfirm} isPending={isPending}>
                  {confirmLabel}
                </Button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
