import { CopyButton } from "@/app/components/copy-button";

/** Copies the deployment's address, for pasting where people will open it. */
export function CopyAddress({ url }: { url: string }) {
  return <CopyButton text={url} label="Copy address" className="rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-50" />;
}
