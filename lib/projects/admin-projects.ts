import type { User } from "../db";
import { repositorySize } from "../git-server";
import { backendOf, type ProjectBackend } from "./backend-label";
import { listProjects } from "./list-projects";

/**
 * A project as the admin console lists it. `size.bytes` is the bare
 * repository's size on Benchtop's disk; a repository at a host is not measured
 * (asking every host on each listing is not cheap), so its `size.label` says
 * where it is instead.
 */
export type AdminProjectView = {
  id: string;
  name: string;
  owner: { id: string; email: string; handle: string };
  backend: "internal" | "external" | "remote";
  backendLabel: string;
  backendDescription: string;
  backendHost: string | null;
  size: { bytes: number | null; label: string };
  createdAt: string;
};

const UNITS = ["bytes", "KB", "MB", "GB", "TB"];

/** 1536 -> "1.5 KB" (powers of 1024, as du -h counts). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

async function sizeOf(projectId: string, backend: ProjectBackend, kind: AdminProjectView["backend"]): Promise<AdminProjectView["size"]> {
  if (kind !== "internal") return { bytes: null, label: `at ${backend.host ?? "its host"}` };
  const bytes = await repositorySize({ projectId });
  return { bytes, label: bytes === null ? "no repository on disk" : formatBytes(bytes) };
}

/** Every project, one page at a time, with where its repository lives and its size (admin; the caller checks the role). */
export async function listAdminProjects({ admin, page = 1, perPage = 50 }: { admin: User; page?: number; perPage?: number }): Promise<{ projects: AdminProjectView[]; nextPage: number | null }> {
  const { projects, nextPage } = listProjects({ user: admin, filter: "all", sort: "name", page, perPage });
  const views = await Promise.all(
    projects.map(async ({ project, owner }) => {
      const backend = backendOf(project);
      return {
        id: project.id,
        name: project.name,
        owner: { id: owner.id, email: owner.email, handle: owner.handle },
        backend: project.backend,
        backendLabel: backend.label,
        backendDescription: backend.description,
        backendHost: backend.host,
        size: await sizeOf(project.id, backend, project.backend),
        createdAt: project.createdAt.toISOString(),
      };
    }),
  );
  return { projects: views, nextPage };
}
