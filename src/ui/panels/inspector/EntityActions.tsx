/** Delete (and, for resources, duplicate) buttons at the foot of an inspector. */
import { Button } from '../../components/Button.tsx';
import { removeEntity } from '../../placement/edits.ts';
import { designStore } from '../../store/index.ts';

export function EntityActions({ id, noun, canDuplicate }: { id: string; noun: string; canDuplicate?: boolean }) {
  return (
    <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-3 dark:border-slate-700">
      {canDuplicate && (
        <Button icon="copy" onClick={() => designStore.getState().duplicate(id)} title="Ctrl+D">
          Duplicate
        </Button>
      )}
      <Button
        variant="danger"
        icon="trash"
        onClick={() => {
          const { run, select } = designStore.getState();
          if (run(removeEntity, id)) select(null);
        }}
        title="Delete"
      >
        Delete {noun}
      </Button>
    </div>
  );
}
