/** The link to the next page of a list, when there is one. */
export function Pager({ href, label }: { href: string | null; label: string }) {
  if (!href) return null;
  return (
    <p>
      <a rel="next" href={href}>
        {label}
      </a>
    </p>
  );
}
