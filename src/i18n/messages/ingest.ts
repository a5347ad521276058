import type { Messages } from './types.ts';

/**
 * What ingest did to a file (profile.notes: `ingest.note.<kind>` with {count} and {sample}), how the
 * encoding was decided (`ingest.evidence.<evidence>`), and the unpack progress phase.
 */
export const ingest = {
  'progress.unpack': { 'zh-CN': '解压文件', en: 'Unpacking the file' },
  'ingest.note.title_rows_skipped': {
    'zh-CN': '跳过了表头上方的 {count} 行标题（“{sample}”）。',
    en: 'Skipped {count} title row(s) above the header (“{sample}”).',
  },
  'cli.summaryRows': {
    'zh-CN':
      '{file}：末尾 {count} 行是合计/汇总行（只有标签和数字，如“{sample}”），未计入数据，见 profile.json 和 cleaning.json',
    en: '{file}: {count} row(s) at the bottom are totals (a label and numbers only, e.g. “{sample}”) and were left out; see profile.json and cleaning.json',
  },
  'ingest.note.reserved_column_renamed': {
    'zh-CN': '有 {count} 个列名是引擎保留的名称，已改名（{sample}），数据不变。',
    en: '{count} column name(s) are reserved by the engine and were renamed ({sample}); the data is unchanged.',
  },
  'ingest.note.summary_rows_dropped': {
    'zh-CN': '去掉了末尾的 {count} 行合计/汇总（“{sample}”），以免重复计算。',
    en: 'Dropped {count} total/summary row(s) at the bottom (“{sample}”) so nothing is counted twice.',
  },
  'ingest.note.invalid_characters': {
    'zh-CN': '有 {count} 个字符在所选编码下无效，显示为 �。如果文字是乱码，请换一种编码。',
    en: '{count} character(s) were invalid in the chosen encoding and show as �. If the text looks garbled, pick another encoding.',
  },
  'ingest.note.mixed_encoding': {
    'zh-CN': '文件混用了多种编码：有 {count} 行按 {sample} 读取（逐行判断），其余按所选编码读取。',
    en: 'The file mixes encodings: {count} line(s) were read as {sample} (decided line by line), the rest in the chosen encoding.',
  },
  'ingest.note.nul_lines_set_aside': {
    'zh-CN': '有 {count} 行含有空字符（NUL，文件可能部分损坏），已搁置未读入：第 {sample} 行。',
    en: '{count} line(s) held a NUL byte (the file may be partly damaged) and were set aside: line {sample}.',
  },
  'ingest.note.merged_cells_filled': {
    'zh-CN': '已展开 {count} 处合并单元格（每个格子都填入合并的值）。',
    en: 'Unmerged {count} merged cell range(s), copying the value into each cell.',
  },
  'ingest.note.two_level_header': {
    'zh-CN': '两行表头已合并为“上级_下级”列名（如 {sample}）。',
    en: 'A two-level header was joined into “upper_lower” names (e.g. {sample}).',
  },
  'ingest.note.blank_rows_skipped': {
    'zh-CN': '跳过了 {count} 个空行。',
    en: 'Skipped {count} blank row(s).',
  },
  'ingest.note.empty_columns_dropped': {
    'zh-CN': '去掉了 {count} 个既无列名也无数据的空列。',
    en: 'Dropped {count} column(s) with neither a header nor any value.',
  },
  'ingest.note.archive_entry': {
    'zh-CN': '已从压缩包中读取“{sample}”。',
    en: 'Read “{sample}” from the archive.',
  },
  'ingest.evidence.bom': { 'zh-CN': '文件开头的字节顺序标记（BOM）', en: 'the byte-order mark at the start' },
  'ingest.evidence.valid-utf8': { 'zh-CN': '内容是有效的 UTF-8', en: 'the content is valid UTF-8' },
  'ingest.evidence.utf16-pattern': { 'zh-CN': 'UTF-16 的字节规律', en: 'the UTF-16 byte pattern' },
  'ingest.evidence.cjk-score': {
    'zh-CN': '按常用汉字比例判断（简体 GB18030 / 繁体 Big5）',
    en: 'the share of common Chinese characters (GB18030 vs Big5)',
  },
  'ingest.evidence.fallback': { 'zh-CN': '默认猜测', en: 'a default guess' },
  'ingest.evidence.user': { 'zh-CN': '您的选择', en: 'your choice' },
  'ingest.delimiter': { 'zh-CN': '分隔符', en: 'Delimiter' },
  'ingest.delimiter.comma': { 'zh-CN': '逗号 ,', en: 'Comma ,' },
  'ingest.delimiter.tab': { 'zh-CN': '制表符', en: 'Tab' },
  'ingest.delimiter.semicolon': { 'zh-CN': '分号 ;', en: 'Semicolon ;' },
  'ingest.delimiter.pipe': { 'zh-CN': '竖线 |', en: 'Pipe |' },
  'ingest.headerRow': { 'zh-CN': '表头在第 {row} 行', en: 'Header on row {row}' },
} satisfies Messages;
