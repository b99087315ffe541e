/** A titled panel of a project's page. */
export function Section({ title, children, tone = "plain" }: { title: string; children: React.ReactNode; tone?: "plain" | "danger" }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className={`rounded-lg border bg-white p-5 ${tone === "danger" ? "border-red-300" : "border-slate-200"}`}>
      <h2 id={id} className={`mb-4 text-base font-semibold ${tone === "danger" ? "text-red-800" : ""}`}>
        {title}
      </h2>
      {children}
    </section>
  );
}
