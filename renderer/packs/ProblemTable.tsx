// The problems found in a pack, each naming its file: the same table whether Verify found them or
// the import refused the pack.
import type { PackProblem } from '../../shared/packs';

export function ProblemTable({ problems, label }: { problems: readonly PackProblem[]; label: string }) {
  return (
    <div className="table-wrap pack-problems">
      <table className="simple-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i}>
              <td className="cell-mono">{p.file ?? <span className="muted">the pack as a whole</span>}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
