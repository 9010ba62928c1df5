// The floor of the page bench (bench/pages.ts): a bare Next.js app, built from the project's own
// dependencies, that the app's pages are measured against in the same run.
export const metadata = { title: "Floor" };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
