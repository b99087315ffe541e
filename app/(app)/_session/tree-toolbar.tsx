const button = "rounded border border-slate-200 bg-white px-1.5 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-200 disabled:text-slate-400 disabled:hover:bg-transparent";

type Props = {
  canChangeSelected: boolean;
  selectedName: string | null;
  onNewFile: () => void;
  onNewFolder: () => void;
  onRename: () => void;
  onDelete: () => void;
};

/** Actions on the tree: new entries go into the selected folder (or beside the selected file). */
export function TreeToolbar({ canChangeSelected, selectedName, onNewFile, onNewFolder, onRename, onDelete }: Props) {
  const target = selectedName ? `Selected: ${selectedName}` : "Nothing selected";
  return (
    <div role="toolbar" aria-label="File actions" className="flex flex-wrap gap-0.5">
      <button type="button" className={button} onClick={onNewFile}>
        New file
      </button>
      <button type="button" className={button} onClick={onNewFolder}>
        New folder
      </button>
      <button type="button" className={button} onClick={onRename} disabled={!canChangeSelected} title={`${target} (F2)`}>
        Rename
      </button>
      <button type="button" className={button} onClick={onDelete} disabled={!canChangeSelected} title={`${target} (Delete key)`}>
        Delete
      </button>
    </div>
  );
}
