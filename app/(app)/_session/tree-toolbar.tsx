const button = "rounded border border-slate-200 bg-white px-1.5 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-200 disabled:text-slate-400 disabled:hover:bg-transparent";

import { useRef } from "react";

type Props = {
  canChangeSelected: boolean;
  /** The selected entry is a file (Track with LFS takes a file). */
  fileSelected: boolean;
  selectedName: string | null;
  onNewFile: () => void;
  onNewFolder: () => void;
  onRename: () => void;
  onDelete: () => void;
  onUpload: (files: File[]) => void;
  onTrack: () => void;
};

/** Actions on the tree: new entries go into the selected folder (or beside the selected file). */
export function TreeToolbar({ canChangeSelected, fileSelected, selectedName, onNewFile, onNewFolder, onRename, onDelete, onUpload, onTrack }: Props) {
  const target = selectedName ? `Selected: ${selectedName}` : "Nothing selected";
  const input = useRef<HTMLInputElement>(null);
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
      <button type="button" className={button} onClick={() => input.current?.click()} title="Add files from your computer (or drop them on the file list)">
        Upload
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label="Files to upload"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = "";
          if (files.length) onUpload(files);
        }}
      />
      <button type="button" className={button} onClick={onTrack} disabled={!canChangeSelected || !fileSelected} title={`${target}: keep it (or its kind) in Git LFS`}>
        Track with LFS
      </button>
    </div>
  );
}
