import { ActionButton } from "@/app/components/action-button";
import { UtcTime } from "@/app/components/utc-time";
import type { DeployView } from "@/lib/deployments";
import { requesterLabel, shortCommit } from "../../../_deployments/labels";
import { rollBackAction } from "../../../_deployments/deployment-actions";

type Props = { projectId: string; deploymentId: string; deploys: DeployView[]; canRollBack: boolean };

/** Every commit the deployment has served, newest first; an earlier one can be served again (a rollback, itself a new deploy). */
export function DeployHistory({ projectId, deploymentId, deploys, canRollBack }: Props) {
  if (deploys.length === 0) return <p className="text-sm text-slate-600">Nothing has been deployed yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table aria-label="Deploys" className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1 pr-4 font-medium">Commit</th>
            <th className="py-1 pr-4 font-medium">Ref</th>
            <th className="py-1 pr-4 font-medium">By</th>
            <th className="py-1 pr-4 font-medium">When</th>
            <th className="py-1 font-medium">
              <span className="sr-only">Serving</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {deploys.map((deploy) => (
            <tr key={deploy.id}>
              <td className="py-1.5 pr-4 font-mono text-xs">
                {shortCommit(deploy.commit)}
                {deploy.rollbackOf && <span className="ml-2 font-sans text-slate-500">(rollback)</span>}
              </td>
              <td className="break-words py-1.5 pr-4 font-mono text-xs">{deploy.ref}</td>
              <td className="break-words py-1.5 pr-4">{requesterLabel(deploy.deployedBy)}</td>
              <td className="whitespace-nowrap py-1.5 pr-4 text-slate-600">
                <UtcTime at={deploy.deployedAt} />
              </td>
              <td className="py-1.5">
                {deploy.current ? (
                  <span className="rounded bg-green-100 px-1.5 py-0.5 text-xs font-semibold text-green-800">serving</span>
                ) : (
                  canRollBack && (
                    <ActionButton action={rollBackAction.bind(null, projectId, deploymentId, deploy.id)} label={`Roll back to ${shortCommit(deploy.commit)}`}>
                      Roll back
                    </ActionButton>
                  )
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
