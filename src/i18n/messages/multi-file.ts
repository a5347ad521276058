import type { Messages } from './types.ts';

/** Several files of the same role cleaned as one dataset (issue 12 item 1), and saved mappings (item 11). */
export const multiFile = {
  'multi.banner': {
    'zh-CN': '{count} 个文件 · {first} → {last}',
    en: '{count} files · {first} → {last}',
  },
  'multi.bannerOverlap': {
    'zh-CN': '（{orders} 个订单出现在多个文件中，只计一次）',
    en: '({orders} orders were in several files and count once)',
  },
  'multi.filesTitle': { 'zh-CN': '合并的订单文件', en: 'Orders files combined' },
  'multi.filesHint': {
    'zh-CN':
      '同类文件按列映射（而非列的位置）合并为一个数据集；某文件没有的列在它的行中为空。之后拖入的文件若含有第一个文件的必需列（同名），会自动合并；其他文件可在此手动合并。同一订单出现在多个文件中时，保留最后加入的文件中的版本。',
    en: "Files of the same kind are appended into one dataset, column by mapping (not by position); a column a file lacks is empty in its rows. A file dropped later is combined at once when it has the first file's required columns (same names); other files can be combined here. When an order is in several files, the copy in the file added last is kept.",
  },
  'multi.notCombined': {
    'zh-CN': '未合并：缺少 {roles}',
    en: 'not combined: no {roles} column',
  },
  'multi.takeOut': { 'zh-CN': '移出', en: 'Take out' },
  'multi.add': { 'zh-CN': '合并 {file}', en: 'Combine {file}' },
  'multi.countsTitle': { 'zh-CN': '各文件的行数', en: 'Rows per file' },
  'multi.file': { 'zh-CN': '文件', en: 'File' },
  'multi.read': { 'zh-CN': '读取', en: 'Read' },
  'multi.used': { 'zh-CN': '使用', en: 'Used' },
  'multi.setAside': { 'zh-CN': '搁置', en: 'Set aside' },
  'multi.inLaterFile': { 'zh-CN': '其中：后面文件中已有', en: 'Of which: in a later file' },
  'multi.total': { 'zh-CN': '合计', en: 'Total' },
  'multi.overlap': {
    'zh-CN':
      '多个文件中的同一订单只计一次：{deduplicated} 个订单内容相同（去重），{replaced} 个订单在文件之间有变化（如状态），采用最后加入的文件中的版本。',
    en: 'An order in several files counts once. Identical copies (de-duplicated): {deduplicated} orders. Changed between files, e.g. their status (the version in the file added last kept): {replaced} orders.',
  },
  'multi.noOverlap': {
    'zh-CN': '没有订单同时出现在多个文件中。',
    en: 'No order is in more than one file.',
  },
  'setup.autoMapped': {
    'zh-CN':
      '之前保存的列映射与 {file} 不符（其中 {count} 列不在此文件中），因此已为此文件自动映射列。请在“映射与清洗”中核对映射。',
    en: 'The column mapping saved earlier does not fit {file} ({count} of its columns are not in this file), so this file was mapped automatically. Check it under Mapping & cleaning.',
  },
  'cli.autoMapped': {
    'zh-CN': '配置中的列映射与 {file} 不符，已按表头自动映射该文件的列',
    en: "the config's column mapping does not fit {file}; its columns were mapped automatically",
  },
} satisfies Messages;
