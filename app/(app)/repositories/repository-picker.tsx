"use client";

import { useId, useMemo, useState } from "react";
import { OrganizationAccessNotes } from "./organization-access-notes";
import { type Choice, useConnectionRepositories } from "./use-connection-repositories";

type Props = {
  connectionId: string;
  /** "octocat at github.com": whose repositories are listed. */
  account: string;
  defaultValue?: string;
  error?: string;
  /** Called with the chosen repository (to fill in an empty Name). */
  onChoose?: (choice: Choice) => void;
};

const MAX_SHOWN = 50;

/**
 * The "Repository" field once an account is connected: a combobox (ARIA 1.2
 * pattern: the input keeps focus, arrows move through the list, Enter picks)
 * listing the repositories the connection's account can reach, filtered as the
 * user types. Its value is the repository's address, so a pasted URL of any
 * other public repository works as well. Below it: the organizations that keep
 * the connection's app out, with Request access, and for a GitHub App, Edit
 * repository permissions; the list is asked for again when the user comes back.
 */
export function RepositoryPicker({ connectionId, account, defaultValue, error, onChoose }: Props) {
  const id = useId();
  const [value, setValue] = useState(defaultValue ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const { listing, error: loadError } = useConnectionRepositories(connectionId);
  const choices = listing?.repositories ?? null;

  const shown = useMemo(() => {
    const wanted = value.trim().toLowerCase();
    const all = choices ?? [];
    return (wanted ? all.filter((c) => c.fullName.toLowerCase().includes(wanted) || c.webUrl.toLowerCase() === wanted) : all).slice(0, MAX_SHOWN);
  }, [choices, value]);

  function choose(choice: Choice) {
    setValue(choice.webUrl);
    setOpen(false);
    setActive(-1);
    onChoose?.(choice);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(shown.length - 1, a + 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (event.key === "Enter" && open && active >= 0 && shown[active]) {
      event.preventDefault();
      choose(shown[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const status = loadError ?? (choices === null ? "Loading your repositories…" : `${choices.length} repositor${choices.length === 1 ? "y" : "ies"} of ${account}. Type to narrow the list, or paste any repository's address.`);
  return (
    <div className="relative">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        Repository
      </label>
      <input
        id={id}
        name="location"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open && shown.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={hintId}
        autoComplete="off"
        placeholder="Start typing a repository name"
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 aria-[invalid=true]:border-red-500"
      />
      {open && shown.length > 0 && (
        <ul id={listId} role="listbox" aria-label="Your repositories" className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
          {shown.map((choice, index) => (
            <li
              key={choice.webUrl}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(choice);
              }}
              className={`flex cursor-pointer justify-between gap-2 px-3 py-1.5 ${index === active ? "bg-indigo-50 text-indigo-900" : "text-slate-700"}`}
            >
              <span className="truncate font-mono text-xs">{choice.fullName}</span>
              {choice.private && <span className="text-xs text-slate-500">private</span>}
            </li>
          ))}
        </ul>
      )}
      <p id={hintId} className={`mt-1 text-xs ${loadError ? "text-amber-700" : "text-slate-500"}`}>
        {status}
      </p>
      {error && <p className="mt-1 text-xs text-red-600">{error}</p>}
      {listing && <OrganizationAccessNotes listing={listing} />}
    </div>
  );
}
