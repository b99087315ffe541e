// Deployments: a project's files at one commit, served by Benchtop at /deploy/{slug}/
// (serve/ reads them from git objects and renders Markdown and notebooks), redeployed
// by hand or on schedules; every redeploy is a run, claimed from the database by one
// instance's run worker, that either switches what is served or changes nothing.
export { createDeployment } from "./create-deployment";
export { changeDeployment, deleteDeployment, redeploy, rollBack, startDeployment, stopDeployment } from "./manage-deployment";
export { loadDeployment } from "./load-deployment";
export { listDeploymentViews, listRunViews, listScheduleViews, loadRunView } from "./list";
export { listDeployViews, toDeploymentView, type DeploymentStatus, type DeploymentView, type DeployView } from "./deployment-view";
export { changeSchedule, createSchedule, createScheduleSchema, deleteSchedule, loadSchedule, toScheduleView, updateScheduleSchema, type ScheduleView } from "./manage-schedules";
export { toRunView, type RunView } from "./run-view";
export { findActiveRunView, listRunPage } from "./run-pages";
export { publicDeploymentsAllowed, setPublicDeploymentsAllowed } from "./public-deployments";
export { startRunWorker, runWorkerStep, wakeRunWorker, type RunWorker } from "./run-worker";
export { startDueSchedules } from "./start-due-schedules";
export { failAbandonedRuns } from "./abandoned-runs";
export { removeOrphanDeploymentStores, storePath } from "./deploy-store";
export { checkDeployOrigin } from "./check-deploy-origin";
export { deployOrigin, deploymentPath, deploymentUrl, DEPLOY_PATH_PREFIX } from "./deployment-urls";
export { answerDeployRequest } from "./answer-visit";
export { ACCESS_COOKIE_MS, ACCESS_LINK_MS, deployPassCookie, openDeployPass, sealDeployPass, visitDeployment, type Visit } from "./visit-access";
export * from "./schema";
