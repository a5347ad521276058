import type { Messages } from './types.ts';

/** App shell: landing page, loading, tables. */
export const app = {
  'app.name': { 'zh-CN': '客户透镜', en: 'Customer Lens' },
} satisfies Messages;
