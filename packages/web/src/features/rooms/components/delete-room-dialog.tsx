import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { Room } from '@/lib/api/types';
import { useDeleteRoom } from '../api/delete-room';

export interface DeleteRoomDialogProps {
  room: Room | null;
  onClose: () => void;
  onDeleted: (room: Room) => void;
}

/** Asks before deleting a room: its live meetings end and their provider rooms are deleted too. */
export function DeleteRoomDialog({ room, onClose, onDeleted }: DeleteRoomDialogProps) {
  const remove = useDeleteRoom();
  return (
    <ConfirmDialog
      isOpen={room !== null}
      onOpenChange={(open) => {
        if (!open) {
          remove.reset();
          onClose();
        }
      }}
      title={`Delete room “${room?.name ?? ''}”?`}
      confirmLabel="Delete room"
      isPending={remove.isPending}
      error={remove.error?.message ?? null}
      onConfirm={() => {
        if (!room) return;
        remove.mutate(room.id, {
          onSuccess: () => {
            onDeleted(room);
            onClose();
          },
        });
      }}
    >
      <p>Anyone in one of its meetings is disconnected, and the room&apos;s link stops working. This cannot be undone.</p>
    </ConfirmDialog>
  );
}
