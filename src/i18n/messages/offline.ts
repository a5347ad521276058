import type { Messages } from './types.ts';

/** Offline install and Export as SQL (issue 17, part D). */
export const offline = {
  'pwa.updateReady': { 'zh-CN': '新版本可用', en: 'A new version is available' },
  'pwa.reload': { 'zh-CN': '重新加载', en: 'Reload' },
} satisfies Messages;
