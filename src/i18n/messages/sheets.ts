import type { Messages } from './types.ts';

/** Workbooks with several sheets (issue 21): which sheet was opened, the others, appending sheets. */
export const sheets = {
  'sheet.kind.data': { 'zh-CN': '数据', en: 'data' },
  'sheet.kind.instructions': { 'zh-CN': '说明', en: 'instructions' },
  'sheet.kind.pivot': { 'zh-CN': '数据透视表', en: 'pivot table' },
  'sheet.kind.summary': { 'zh-CN': '汇总表', en: 'summary' },
  'sheet.kind.other': { 'zh-CN': '未识别的表格', en: 'unrecognised table' },
  'sheet.kind.empty': { 'zh-CN': '空', en: 'empty' },
  'sheet.hidden': { 'zh-CN': '隐藏', en: 'hidden' },
  'sheet.opened.best': {
    'zh-CN': '已打开工作表“{sheet}”（{what}，{rows} 行）：它的列最符合{role}。',
    en: 'Opened sheet “{sheet}” ({what}, {rows} rows): its columns fit {role} best.',
  },
  'sheet.opened.hidden': {
    'zh-CN': '已打开隐藏的工作表“{sheet}”（{rows} 行）：工作簿中只有它含有数据。',
    en: 'Opened the hidden sheet “{sheet}” ({rows} rows): it is the only sheet of the workbook with data.',
  },
  'sheet.opened.forced': {
    'zh-CN': '已打开工作表“{sheet}”（{rows} 行），按您的选择。',
    en: 'Opened sheet “{sheet}” ({rows} rows), as you chose.',
  },
  'sheet.opened.first': {
    'zh-CN':
      '没有工作表的列符合订单、客户等任何数据类型；已打开“{sheet}”（{rows} 行）。请检查其他工作表或手动指定列。',
    en: 'No sheet has columns that fit orders, customers or another kind of data; opened “{sheet}” ({rows} rows). Check the other sheets or map the columns by hand.',
  },
  'sheet.others': { 'zh-CN': '其他工作表：', en: 'Other sheets:' },
  'sheet.entry': { 'zh-CN': '{name}（{what}，{rows} 行）', en: '{name} ({what}, {rows} rows)' },
  'sheet.open': { 'zh-CN': '打开', en: 'Open' },
  'sheet.appended': {
    'zh-CN': '已合并 {count} 个工作表：{sheets}',
    en: '{count} sheets appended: {sheets}',
  },
  'sheet.append': {
    'zh-CN': '合并 {count} 个相同列的工作表（{sheets}）为一个数据集',
    en: 'Append the {count} sheets with the same columns ({sheets}) into one dataset',
  },
  'sheet.appendHint': {
    'zh-CN': '与多个文件相同：按列映射合并，分别统计各工作表的行数，同一订单出现在多个工作表中只计一次。',
    en: 'As with several files: appended by column mapping, rows counted per sheet, an order in several sheets counted once.',
  },
  'sheet.separator': { 'zh-CN': '、', en: ', ' },
  'sheet.banner': {
    'zh-CN': '{count} 个工作表 · {first} → {last}',
    en: '{count} sheets · {first} → {last}',
  },
  'sheet.helpTitle': { 'zh-CN': '如何选择工作表', en: 'How the sheet is chosen' },
  'sheet.help': {
    'zh-CN':
      '检查每个工作表的表头行、表头下的行数（不含底部合计行），以及列名与订单、客户等数据类型的匹配程度（与列映射同一套规则）。打开最符合其类型的工作表：订单优先，其次客户；同等时可见的、靠前的优先；只有隐藏的工作表含有数据时打开它。没有类型能完整匹配的工作表识别为说明（一两列文字）、数据透视表（行标签、求和项、总计列）、汇总表（名为汇总、统计等，或含合计行）或未识别的表格。',
    en: 'Each sheet is checked: its header row, the rows below it (total rows at the bottom not counted), and how well its headers map to orders, customers and the other kinds of data (the same rules as the column mapping). The sheet that fits its kind best is opened: orders first, then customers; on a tie the visible, then the earlier sheet; a hidden sheet when it is the only one with data. A sheet no kind fully maps is recognised as instructions (text in one or two columns), a pivot table (Row Labels, Sum of …, a Grand Total column), a summary (named so, or with a total row) or an unrecognised table.',
  },
  'cli.sheetChosen': {
    'zh-CN': '{file}：读取工作表“{sheet}”（{what}）；其他工作表：{others}（用 --sheet 指定）',
    en: '{file}: read sheet “{sheet}” ({what}); other sheets: {others} (choose with --sheet)',
  },
  'cli.sheetHidden': {
    'zh-CN': '{file}：数据在隐藏的工作表“{sheet}”中，已读取',
    en: '{file}: the data is in the hidden sheet “{sheet}”; it was read',
  },
  'cli.sheetsAppended': {
    'zh-CN': '{file}：相同列的工作表已合并为一个数据集：{sheets}',
    en: '{file}: sheets with the same columns appended into one dataset: {sheets}',
  },
  'cli.noSuchSheet': {
    'zh-CN': '--sheet {sheet}：没有这个工作表（工作表：{sheets}）',
    en: '--sheet {sheet}: no such sheet (sheets: {sheets})',
  },
  'cli.noUsableSheet': {
    'zh-CN': '{file} 中没有可用的订单工作表：{sheets}。请用 --sheet 指定工作表，或在配置文件中映射列。',
    en: '{file} has no sheet of orders: {sheets}. Choose one with --sheet or map its columns in a config file.',
  },
} satisfies Messages;
