import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import * as API from "../api";
import type {
  CreateTemplateRequest,
  CreateTemplateVersionRequest,
  Template,
  TemplateVersion,
  UpdateTemplateMeta,
} from "../types";
import { queryKeys } from "./keys";

const isJobActive = (version: TemplateVersion | undefined) =>
  !!version && ["pending", "running", "canceling"].includes(version.job.status);

export const useTemplates = () =>
  useQuery({ queryKey: queryKeys.templates, queryFn: API.getTemplates, retry: false });

export const useTemplate = (name: string) =>
  useQuery({ queryKey: queryKeys.template(name), queryFn: () => API.getTemplateByName(name), retry: false });

/** A template's versions; polls while any of them is still importing. */
export const useTemplateVersions = (templateId: string | undefined, includeArchived = false) =>
  useQuery({
    queryKey: [...queryKeys.templateVersions(templateId ?? ""), includeArchived],
    queryFn: () => API.getTemplateVersions(templateId!, includeArchived),
    enabled: !!templateId,
    refetchInterval: (query) => (query.state.data?.some(isJobActive) ? 2000 : false),
  });

export const useTemplateVersionByName = (templateId: string | undefined, name: string) =>
  useQuery({
    queryKey: queryKeys.templateVersionByName(templateId ?? "", name),
    queryFn: () => API.getTemplateVersionByName(templateId!, name),
    enabled: !!templateId,
    retry: false,
  });

/** One version; polls while its import job runs so the status follows the job. */
export const useTemplateVersion = (versionId: string | undefined) =>
  useQuery({
    queryKey: queryKeys.templateVersion(versionId ?? ""),
    queryFn: () => API.getTemplateVersion(versionId!),
    enabled: !!versionId,
    refetchInterval: (query) => (isJobActive(query.state.data) ? 2000 : false),
  });

/** Resources, parameters, variables and presets are known only once the import succeeded. */
const importedOnly = (version: TemplateVersion | undefined) => version?.job.status === "succeeded";

export const useTemplateVersionResources = (version: TemplateVersion | undefined) =>
  useQuery({
    queryKey: queryKeys.templateVersionResources(version?.id ?? ""),
    queryFn: () => API.getTemplateVersionResources(version!.id),
    enabled: importedOnly(version),
  });

export const useTemplateVersionParameters = (version: TemplateVersion | undefined) =>
  useQuery({
    queryKey: queryKeys.templateVersionParameters(version?.id ?? ""),
    queryFn: () => API.getTemplateVersionRichParameters(version!.id),
    enabled: importedOnly(version),
  });

export const useTemplateVersionPresets = (version: TemplateVersion | undefined) =>
  useQuery({
    queryKey: queryKeys.templateVersionPresets(version?.id ?? ""),
    queryFn: () => API.getTemplateVersionPresets(version!.id),
    enabled: importedOnly(version),
  });

/** Variables are reported even by failed imports (that is how missing required ones are named). */
export const useTemplateVersionVariables = (version: TemplateVersion | undefined) =>
  useQuery({
    queryKey: queryKeys.templateVersionVariables(version?.id ?? ""),
    queryFn: () => API.getTemplateVersionVariables(version!.id),
    enabled: !!version && !isJobActive(version),
  });

export const useTemplateExamples = () =>
  useQuery({ queryKey: queryKeys.templateExamples, queryFn: API.getTemplateExamples, staleTime: 300_000, retry: false });

/** Sources of a new version: an uploaded archive, a starter template, or a file uploaded earlier. */
export type VersionSource = { file: File } | { exampleId: string } | { fileId: string };

export interface CreateVersionInput extends Omit<CreateTemplateVersionRequest, "storage_method" | "file_id" | "example_id"> {
  source: VersionSource;
}

/** Uploads the archive when there is one, then creates the version (its import job starts). */
export const useCreateTemplateVersion = () =>
  useMutation({
    mutationFn: async ({ source, ...req }: CreateVersionInput) => {
      let fileId: string | undefined;
      let exampleId: string | undefined;
      if ("file" in source) fileId = (await API.uploadFile(source.file)).hash;
      else if ("fileId" in source) fileId = source.fileId;
      else exampleId = source.exampleId;
      const version = await API.createTemplateVersion({ ...req, storage_method: "file", file_id: fileId, example_id: exampleId });
      return version;
    },
  });

export function useCreateTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (req: CreateTemplateRequest) => API.createTemplate(req),
    onSuccess: (template) => {
      client.setQueryData(queryKeys.template(template.name), template);
      void client.invalidateQueries({ queryKey: queryKeys.templates });
    },
  });
}

export function useUpdateTemplateMeta(template: Template | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (req: UpdateTemplateMeta) => (await API.updateTemplateMeta(template!.id, req)) ?? template!,
    onSuccess: (updated) => {
      client.setQueryData(queryKeys.template(updated.name), updated);
      void client.invalidateQueries({ queryKey: queryKeys.templates });
    },
  });
}

export function useDeleteTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (template: Template) => API.deleteTemplate(template.id),
    onSuccess: (_, template) => {
      client.removeQueries({ queryKey: queryKeys.template(template.name) });
      void client.invalidateQueries({ queryKey: queryKeys.templates });
    },
  });
}

/** Version mutations refresh the template (its active version) and its version list. */
function useVersionMutation<TVars>(template: Template | undefined, fn: (vars: TVars) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      if (!template) return;
      void client.invalidateQueries({ queryKey: queryKeys.template(template.name) });
      void client.invalidateQueries({ queryKey: queryKeys.templateVersions(template.id) });
      void client.invalidateQueries({ queryKey: ["templateVersionByName", template.id] });
      void client.invalidateQueries({ queryKey: ["templateVersion"] });
    },
  });
}

export const usePromoteTemplateVersion = (template: Template | undefined) =>
  useVersionMutation(template, (version: TemplateVersion) => API.updateActiveTemplateVersion(template!.id, version.id));

export const useArchiveTemplateVersion = (template: Template | undefined) =>
  useVersionMutation(template, (version: TemplateVersion) => API.archiveTemplateVersion(version.id));

export const useUnarchiveTemplateVersion = (template: Template | undefined) =>
  useVersionMutation(template, (version: TemplateVersion) => API.unarchiveTemplateVersion(version.id));

export const useCancelTemplateVersion = (template: Template | undefined) =>
  useVersionMutation(template, (version: TemplateVersion) => API.cancelTemplateVersion(version.id));
