/**
 * Kept for the lifecycle section until it moves onto the module runner: the behaviour rows now live
 * with their module (src/analyses/behaviour/results.ts).
 */
export type { SegmentInfo } from '../../analyses/behaviour/module.ts';
