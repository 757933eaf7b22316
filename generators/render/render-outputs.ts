/**
 * Everything `gatecheck generate` writes for one API, rendered in memory (pure: model in, files
 * out), so nothing is written unless every file rendered.
 */
import type { ApiModel } from '../model/types.js';
import type { GatecheckPlan } from '../plan/plan-collection.js';
import { jsonFileText } from './json-file.js';
import { renderCollection, type RenderOptions } from './render-collection.js';
import { renderStageEnvironments } from './render-environment.js';

/** One rendered file, not yet written. */
export interface OutputFile {
  /** Path relative to the output directory, with `/` separators. */
  path: string;
  content: string;
}

export function collectionPath(slug: string): string {
  return `collections/${slug}.postman_collection.json`;
}

export function environmentPath(slug: string, stage: string): string {
  return `environments/${slug}.${fileSafe(stage)}.postman_environment.json`;
}

/** The collection and the stage environments for one planned API. */
export function renderOutputs(
  model: ApiModel,
  plan: GatecheckPlan,
  options: RenderOptions = {},
): OutputFile[] {
  const collection = renderCollection(model, plan, options);
  return [
    { path: collectionPath(model.slug), content: jsonFileText(collection) },
    ...renderStageEnvironments(model).map(({ stage, environment }) => ({
      path: environmentPath(model.slug, stage.name),
      content: jsonFileText(environment),
    })),
  ];
}

function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'default';
}
