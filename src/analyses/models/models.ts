/** Every model a plan can name (model-types.ts): the engine looks them up here. */
import type { ModelName, ModelRunner } from './model-types.ts';
import { clustersModelRunner } from '../clusters/cluster-model.ts';
import { rulesModelRunner } from '../basket/rules-model.ts';
import { recommendModelRunner } from '../basket/recommend-model.ts';

export const MODEL_RUNNERS: Readonly<Record<ModelName, ModelRunner>> = {
  clusters: clustersModelRunner,
  rules: rulesModelRunner,
  recommend: recommendModelRunner,
};
