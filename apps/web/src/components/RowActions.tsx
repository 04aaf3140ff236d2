import { ActionIcon, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';

/**
 * The edit and delete buttons at the end of an admin table row. Deleting asks first, in the
 * agent's words: `confirmDelete` names what goes and what follows from it.
 */
export function EditDeleteActions({
  editLabel,
  deleteLabel,
  confirmDelete,
  onEdit,
  onDelete,
}: {
  editLabel: string;
  deleteLabel: string;
  confirmDelete: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <>
      <Tooltip label={editLabel}>
        <ActionIcon variant="subtle" color="gray" aria-label={editLabel} onClick={onEdit}>
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={deleteLabel}>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={deleteLabel}
          onClick={() => {
            if (window.confirm(confirmDelete)) onDelete();
          }}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </>
  );
}
