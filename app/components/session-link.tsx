/**
 * A link into a session. A plain <a>, not next/link: the session page is
 * cross-origin isolated by its response headers (for notebooks' kernels), and
 * only a full document load applies them; a client-side navigation would keep
 * the headers of the page it came from.
 */
export function SessionLink({ href, className, children }: { href: string; className?: string; children: React.ReactNode }) {
  return (
    <a href={href} className={className}>
      {children}
    </a>
  );
}
