/** A deployment's address as a link that opens it in a new tab, without handing the deployed page a way back to this one. */
export function DeploymentLink({ url, className = "" }: { url: string; className?: string }) {
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className={`break-all font-mono text-xs text-indigo-700 hover:underline ${className}`}>
      {url}
    </a>
  );
}
