import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Benchtop", template: "%s · Benchtop" },
  description: "Work on git-backed projects from your browser.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
