// A server-rendered page of 25 table rows, built per request as the app's pages are: no data, no
// session, no translation; what any Next.js page costs.
export const dynamic = "force-dynamic";

const ROWS = Array.from({ length: 25 }, (_, index) => ({
  reference: `EA-2026-${String(index + 1).padStart(4, "0")}`,
  organisation: `Organisation ${index + 1}`,
  status: index % 3 === 0 ? "Submitted" : index % 3 === 1 ? "In review" : "Awaiting the requester",
}));

export default function Page() {
  return (
    <main>
      <h1>Requests</h1>
      <table>
        <caption>Requests, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Organisation</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.reference}>
              <td>
                <a href={`/requests/${row.reference}`}>{row.reference}</a>
              </td>
              <td>{row.organisation}</td>
              <td>{row.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
