import type { Messages } from './types.ts';

/** Offline install and Export as SQL (issue 17, part D). */
export const offline = {
  'pwa.updateReady': { 'zh-CN': '新版本可用', en: 'A new version is available' },
  'pwa.reload': { 'zh-CN': '重新加载', en: 'Reload' },
  'sqlExport.title': { 'zh-CN': '导出为 SQL', en: 'Export as SQL' },
  'sqlExport.intro': {
    'zh-CN':
      '把当前分析导出为 DuckDB SQL 脚本：按本应用的方式读取并清洗你的文件，再把各项分析写成 CSV，可在 DuckDB、更大的文件或数据仓库任务中运行。文件路径在脚本开头填写；CSV 须为 UTF-8（GBK 请先转码，Excel 请先另存为 CSV）；在 TypeScript 中计算的模型（CLV、预测、聚类、购物篮规则）不在脚本中。',
    en: 'Export this analysis as a DuckDB SQL script: it loads and cleans your files the way the app does and writes each analysis as CSV — to run on native DuckDB, on much larger files or in a data warehouse job. Set the file paths at the top; CSV files must be UTF-8 (convert GBK first, save Excel sheets as CSV). Models computed in TypeScript (CLV, forecast, clusters, basket rules) are not in the script.',
  },
  'sqlExport.button': { 'zh-CN': '导出 SQL', en: 'Export as SQL' },
  'sqlExport.needsData': {
    'zh-CN': '先载入并清洗数据，即可导出。',
    en: 'Load and clean your data first to export it.',
  },
  'sqlExport.failed': {
    'zh-CN': '无法生成 SQL 脚本，请重新载入文件后再试。',
    en: 'The SQL script could not be made; load the files again and retry.',
  },
} satisfies Messages;
