/**
 * The pipeline in one place: load → model → plan → render → write. Each stage only reads what the
 * earlier ones produced; the commands (generate, demo, inspect), the benchmark and library users
 * call these functions instead of wiring the stages again. Options are defaulted here, once.
 */
import { resolve } from 'node:path';
import { InputError } from './errors.js';
import { loadSpec, type LoadedSpec, type LoadSpecOptions } from './load/load-spec.js';
import { buildModel } from './model/build-model.js';
import { selectOperations, type OperationSelection } from './model/select-operations.js';
import type { ApiModel } from './model/types.js';
import type { CheckDepth } from './plan/check-depth.js';
import { planCollection } from './plan/plan-collection.js';
import type { RenderOptions } from './render/render-collection.js';
import { collectionPath, renderOutputs } from './render/render-outputs.js';
import { findStaleFiles, writeFilesAtomically, type OutputFile } from './write/write-files.js';

/** What the first two stages need: how to load the spec, and the base URL to model it with. */
export interface SourceOptions extends LoadSpecOptions {
  /** API base URL including the stage, instead of the servers in the spec. */
  baseUrl?: string;
  /** Only these operations (by id or tag); all when absent. */
  select?: OperationSelection;
}

/** Everything the first four stages need: the source, how deep the checks go (default `standard`), the target. */
export interface RenderSourceOptions extends SourceOptions, RenderOptions {
  depth?: CheckDepth;
}

export interface GenerateOptions extends RenderSourceOptions {
  /** Where `collections/` and `environments/` go (default: the current folder). */
  outDir?: string;
  /** Write nothing; report the files that are stale or missing instead (default: false). */
  check?: boolean;
}

export interface GeneratedApi {
  /** The spec file path or URL it came from. */
  source: string;
  model: ApiModel;
  /** The collection's path relative to the output folder. */
  collectionPath: string;
}

export interface GenerateResult {
  outDir: string;
  apis: GeneratedApi[];
  /** Every rendered file, relative to `outDir`. */
  files: OutputFile[];
  /** Absolute paths written (empty with `check`). */
  written: string[];
  /** With `check`: relative paths out of date or missing (empty otherwise). */
  stale: string[];
}

/** Load and model one spec: the first two stages, shared by `inspect` and `generate`. */
export async function modelSource(source: string, options: SourceOptions = {}): Promise<ApiModel> {
  return (await loadAndModel(source, options)).model;
}

/** The same two stages, keeping the loaded document for callers that look at it (`inspect`). */
export async function loadAndModel(
  source: string,
  options: SourceOptions = {},
): Promise<{ spec: LoadedSpec; model: ApiModel }> {
  const { baseUrl, select, ...load } = options;
  const spec = await loadSpec(source, load);
  const model = buildModel(spec, baseUrl === undefined ? {} : { baseUrl });
  return { spec, model: select ? selectOperations(model, select, source) : model };
}

/**
 * Load, model, plan and render every source in memory. Two APIs writing the same file is an input
 * error, found before anything is written.
 */
export async function renderSources(
  sources: readonly string[],
  options: RenderSourceOptions = {},
): Promise<{ apis: GeneratedApi[]; files: OutputFile[] }> {
  const { forSandbox, depth, ...sourceOptions } = options;
  const renderOptions = forSandbox === undefined ? {} : { forSandbox };
  const apis: GeneratedApi[] = [];
  const files: OutputFile[] = [];
  const producedBy = new Map<string, string>();
  for (const source of sources) {
    const model = await modelSource(source, sourceOptions);
    const plan = planCollection(model, depth === undefined ? {} : { depth });
    for (const file of renderOutputs(model, plan, renderOptions)) {
      const earlier = producedBy.get(file.path);
      if (earlier !== undefined) {
        throw new InputError(`${earlier} and ${source} would both write ${file.path}`, {
          file: source,
          pointer: '/info/title',
          hint: 'Give the APIs different info.title values, or generate them into different --out-dir',
        });
      }
      producedBy.set(file.path, source);
      files.push(file);
    }
    apis.push({ source, model, collectionPath: collectionPath(model.slug) });
  }
  return { apis, files };
}

/**
 * The whole pipeline: every file is rendered before anything is written, and the files are
 * written atomically, so a bad spec leaves the output folder as it was.
 */
export async function generate(
  sources: string | readonly string[],
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  const { outDir: out, check, ...sourceOptions } = options;
  const outDir = resolve(out ?? '.');
  const { apis, files } = await renderSources(
    typeof sources === 'string' ? [sources] : sources,
    sourceOptions,
  );
  if (check === true) {
    return { outDir, apis, files, written: [], stale: await findStaleFiles(outDir, files) };
  }
  const written = await writeFilesAtomically(outDir, files).catch((error: unknown) => {
    throw new InputError(`cannot write the generated files: ${(error as Error).message}`, {
      file: outDir,
      hint: 'Check --out-dir (the output folder): nothing was written',
    });
  });
  return { outDir, apis, files, written, stale: [] };
}
