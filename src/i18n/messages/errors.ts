import type { Messages } from './types.ts';

/** One message per EngineError code (`error.<code>`), plus generic ones. */
export const errors = {
  'error.empty_file': {
    'zh-CN': '文件“{name}”是空的，没有可读取的内容。',
    en: 'The file “{name}” is empty.',
  },
  'error.binary_file': {
    'zh-CN': '文件“{name}”不是文本表格（可能是图片、压缩包或程序文件）。请导出为 CSV 或 Excel 后再试。',
    en: 'The file “{name}” is not a text table (it may be an image, archive or program). Export it as CSV or Excel and try again.',
  },
  'error.unsupported_format': {
    'zh-CN': '暂不支持“{name}”的格式（{format}）。请使用 CSV 或 .xlsx。',
    en: 'The format of “{name}” ({format}) is not supported yet. Please use CSV or .xlsx.',
  },
  'error.parquet_unsupported': {
    'zh-CN': '无法读取 Parquet 文件“{name}”。',
    en: 'The Parquet file “{name}” could not be read.',
  },
  'error.xlsx_invalid': {
    'zh-CN': '无法打开 Excel 文件“{name}”：文件可能已损坏或不完整。',
    en: 'The Excel file “{name}” could not be opened: it may be damaged or incomplete.',
  },
  'error.xlsx_no_sheet': {
    'zh-CN': 'Excel 文件“{name}”中没有包含数据的工作表。',
    en: 'The Excel file “{name}” has no sheet with data.',
  },
  'error.zip_bomb': {
    'zh-CN': '“{name}”解压后过大（可能是压缩炸弹），已拒绝读取。',
    en: '“{name}” expands to an unreasonable size (a possible zip bomb) and was refused.',
  },
  'error.too_large': {
    'zh-CN': '文件“{name}”太大，浏览器无法处理。请使用命令行工具（customer-lens）分析。',
    en: 'The file “{name}” is too large for the browser. Use the command-line tool (customer-lens) instead.',
  },
  'error.needs_memory': {
    'zh-CN':
      '文件“{name}”太大：在浏览器中分析约需 {needGb} GB 内存，超过了单个标签页的上限（约 3 GB）。请改用命令行工具 customer-lens（npm run cli -- analyze …）分析，或先拆分文件。',
    en: 'The file “{name}” is too large: analysing it in the browser needs about {needGb} GB of memory, more than one tab can use (about 3 GB). Use the command-line tool customer-lens (npm run cli -- analyze …) or split the file.',
  },
  'error.csv_invalid': {
    'zh-CN': '无法将“{name}”识别为表格：{detail}',
    en: '“{name}” could not be read as a table: {detail}',
  },
  'error.no_columns': { 'zh-CN': '“{name}”中没有找到任何列。', en: 'No columns were found in “{name}”.' },
  'error.cancelled': { 'zh-CN': '已取消。', en: 'Cancelled.' },
  'error.out_of_memory': {
    'zh-CN': '浏览器内存不足，无法完成。请减少文件大小，或使用命令行工具分析大文件。',
    en: 'The browser ran out of memory. Use a smaller file, or the command-line tool for large files.',
  },
  'error.engine_failed': {
    'zh-CN': '分析引擎无法启动：{detail}',
    en: 'The analysis engine could not start: {detail}',
  },
  'error.engine': { 'zh-CN': '处理时出错：{detail}', en: 'Something went wrong: {detail}' },
} satisfies Messages;
