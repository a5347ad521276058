import type { Messages } from './types.ts';

/** One message per EngineError code (`error.<code>`), plus generic ones. */
export const errors = {
  'error.itemset_cap': {
    'zh-CN':
      '最小支持度 {support} 下的频繁项集超过 {limit} 个，已停止计算。请提高最小支持度或缩短最大规则长度后重试。',
    en: 'More than {limit} frequent itemsets at min support {support}: mining stopped. Raise the min support or lower the max rule length and try again.',
  },
  'error.empty_file': {
    'zh-CN': '文件“{name}”是空的，没有可读取的内容。',
    en: 'The file “{name}” is empty.',
  },
  'error.binary_file': {
    'zh-CN': '文件“{name}”不是文本表格（可能是图片、压缩包或程序文件）。请导出为 CSV 或 Excel 后再试。',
    en: 'The file “{name}” is not a text table (it may be an image, archive or program). Export it as CSV or Excel and try again.',
  },
  'error.unsupported_format': {
    'zh-CN': '暂不支持“{name}”的格式（{format}）。请使用 CSV、Excel、Parquet 或 JSON。',
    en: 'The format of “{name}” ({format}) is not supported. Please use CSV, Excel, Parquet or JSON.',
  },
  'error.parquet_unsupported': {
    'zh-CN':
      '无法读取 Parquet 文件“{name}”（文件损坏，或使用了不支持的压缩方式，如 ZSTD）。请用 Snappy/GZIP 压缩或导出为 CSV。',
    en: 'The Parquet file “{name}” could not be read (damaged, or compressed with an unsupported codec such as ZSTD). Use Snappy/GZIP or export it as CSV.',
  },
  'error.xlsx_invalid': {
    'zh-CN': '无法打开 Excel 文件“{name}”：文件可能已损坏或不完整。',
    en: 'The Excel file “{name}” could not be opened: it may be damaged or incomplete.',
  },
  'error.xlsx_no_sheet': {
    'zh-CN': 'Excel 文件“{name}”中没有包含数据的工作表。',
    en: 'The Excel file “{name}” has no sheet with data.',
  },
  'error.archive_invalid': {
    'zh-CN': '无法解压“{name}”：压缩包可能已损坏或不完整。',
    en: 'The archive “{name}” could not be unpacked: it may be damaged or incomplete.',
  },
  'error.archive_empty': {
    'zh-CN': '压缩包“{name}”中没有文件。',
    en: 'The archive “{name}” holds no file.',
  },
  'error.archive_multiple': {
    'zh-CN': '压缩包“{name}”中有 {count} 个文件（{names}）。请只放一个 CSV 文件，或先解压后分别导入。',
    en: 'The archive “{name}” holds {count} files ({names}). Put a single CSV in it, or unpack it and add the files one by one.',
  },
  'error.json_invalid': {
    'zh-CN': '“{name}”第 {line} 行不是有效的 JSON 对象。',
    en: 'Line {line} of “{name}” is not a valid JSON object.',
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
    'zh-CN':
      '无法把“{name}”读成表格：它不像是 CSV 或 Excel 导出文件。请从后台重新导出为 CSV（UTF-8）或 Excel，并确认第一行是列名。',
    en: '“{name}” could not be read as a table: it does not look like a CSV or Excel export. Export it again as CSV (UTF-8) or Excel, with the column names in the first row.',
  },
  'error.no_rows': {
    'zh-CN': '文件“{name}”没有数据行（只有列名）。请导出包含订单的文件后再试。',
    en: 'The file “{name}” has no data rows (only column names). Export a file that contains the orders and try again.',
  },
  'error.no_columns': { 'zh-CN': '“{name}”中没有找到任何列。', en: 'No columns were found in “{name}”.' },
  'error.mapping_invalid': {
    'zh-CN': '列映射还不完整，无法清洗：{detail}',
    en: 'The column mapping is not complete enough to clean the data: {detail}',
  },
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
  'error.too_many_columns': {
    'zh-CN': '“{name}”的列数超过了上限 {max} 列（至少 {count} 列），不像是客户或订单导出文件，已拒绝读取。',
    en: '“{name}” has more columns than the limit of {max} (at least {count}); it does not look like a customer or order export and was refused.',
  },
  'error.too_many_cells': {
    'zh-CN':
      '“{name}”有 {rows} 行 × {columns} 列，超过了可处理的单元格上限（{max}），已拒绝读取。请删除多余的行列或拆分文件。',
    en: '“{name}” has {rows} rows × {columns} columns, more cells than can be handled ({max}); it was refused. Remove unused rows and columns or split the file.',
  },
} satisfies Messages;
