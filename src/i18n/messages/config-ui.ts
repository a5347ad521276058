import type { Messages } from './types.ts';

/** Setup & sharing screen, shared-link panel and column-match report (issue 5 UI). */
export const configUi = {
  'setup.title': { 'zh-CN': '配置与分享', en: 'Setup & sharing' },
  'setup.intro': {
    'zh-CN': '配置只记录“怎么分析”：列映射、清洗规则、RFM 预设与阈值、分群。从不包含任何数据。',
    en: 'A setup records how you analyse — column mapping, cleaning rules, RFM presets and thresholds, segments. It never contains any data.',
  },
  'setup.current': { 'zh-CN': '当前配置', en: 'Current setup' },
  'setup.unnamed': { 'zh-CN': '（未命名）', en: '(unnamed)' },
  'setup.details': { 'zh-CN': '查看详情', en: 'Details' },
  'setup.saveAs': { 'zh-CN': '另存为', en: 'Save as' },
  'setup.namePlaceholder': { 'zh-CN': '例如：天猫旗舰店月度分析', en: 'e.g. Monthly Shopify review' },
  'setup.save': { 'zh-CN': '保存', en: 'Save' },
  'setup.saved': { 'zh-CN': '已保存“{name}”。', en: 'Saved “{name}”.' },
  'setup.updated': { 'zh-CN': '已更新“{name}”。', en: 'Updated “{name}”.' },
  'setup.loaded': {
    'zh-CN': '已应用“{name}”。请重新清洗或拖入数据文件。',
    en: 'Applied “{name}”. Clean again, or drop your data files.',
  },
  'setup.nameRequired': { 'zh-CN': '请先填写名称。', en: 'Enter a name first.' },
  'setup.storeFailed': {
    'zh-CN': '浏览器存储出错：{detail}',
    en: 'Browser storage failed: {detail}',
  },

  'setup.shareTitle': { 'zh-CN': '分享', en: 'Share' },
  'setup.shareHint': {
    'zh-CN':
      '链接中“#”之后的部分只在浏览器内读取，不会发送到任何服务器。对方打开后先看到说明，确认后才会应用。',
    en: 'Everything after “#” is read in the browser only and never sent to a server. Your colleague sees what it does before it is applied.',
  },
  'setup.copyLink': { 'zh-CN': '复制分享链接', en: 'Copy share link' },
  'setup.copied': { 'zh-CN': '已复制到剪贴板。', en: 'Copied to the clipboard.' },
  'setup.copyByHand': {
    'zh-CN': '无法自动复制，请在下方文本框中全选后手动复制。',
    en: 'Could not copy automatically: select the link below and copy it by hand.',
  },
  'setup.linkLabel': { 'zh-CN': '分享链接', en: 'Share link' },
  'setup.linkLength': { 'zh-CN': '{count} 个字符', en: '{count} characters' },
  'setup.linkTooLarge': {
    'zh-CN': '配置超过 {limitKb} KB，无法放进链接，请导出 .json 文件分享。',
    en: 'The setup is over {limitKb} KB and does not fit a link; export it as a .json file instead.',
  },
  'setup.fileTitle': { 'zh-CN': '文件', en: 'File' },
  'setup.fileHint': {
    'zh-CN': '较长的配置、邮件发送或命令行（--config）请用 .json 文件。',
    en: 'For long setups, e-mail and the command line (--config), use a .json file.',
  },
  'setup.export': { 'zh-CN': '导出 .json', en: 'Export .json' },
  'setup.import': { 'zh-CN': '导入 .json…', en: 'Import .json…' },
  'setup.importedTitle': { 'zh-CN': '导入的配置：{name}', en: 'Imported setup: {name}' },

  'setup.savedTitle': { 'zh-CN': '已保存的配置', en: 'Saved setups' },
  'setup.savedEmpty': {
    'zh-CN': '还没有保存的配置。在上方填写名称即可保存当前配置。',
    en: 'No saved setups yet. Enter a name above to save the current one.',
  },
  'setup.storeUnavailable': {
    'zh-CN':
      '此浏览器不允许本地存储（例如无痕模式），无法保存配置，刷新后也不会恢复。分享链接和 .json 文件仍可使用。',
    en: 'This browser does not allow local storage (private mode?), so setups cannot be saved or restored after a reload. Share links and .json files still work.',
  },
  'setup.noAutosave': {
    'zh-CN': '此浏览器不允许本地存储，配置不会自动保存，刷新后不会恢复。',
    en: 'This browser does not allow local storage: your setup is not autosaved and a reload will not restore it.',
  },
  'setup.col.name': { 'zh-CN': '名称', en: 'Name' },
  'setup.col.date': { 'zh-CN': '修改时间', en: 'Changed' },
  'setup.col.summary': { 'zh-CN': '概要', en: 'Summary' },
  'setup.col.actions': { 'zh-CN': '操作', en: 'Actions' },
  'setup.load': { 'zh-CN': '应用', en: 'Load' },
  'setup.rename': { 'zh-CN': '重命名', en: 'Rename' },
  'setup.renameOk': { 'zh-CN': '确定', en: 'OK' },
  'setup.cancel': { 'zh-CN': '取消', en: 'Cancel' },
  'setup.duplicate': { 'zh-CN': '复制一份', en: 'Duplicate' },
  'setup.delete': { 'zh-CN': '删除', en: 'Delete' },
  'setup.confirmDelete': { 'zh-CN': '确认删除', en: 'Confirm delete' },
  'setup.unreadable': {
    'zh-CN': '此配置已无法读取：{issues}',
    en: 'This setup can no longer be read: {issues}',
  },

  'setup.shared.title': { 'zh-CN': '打开了一个分享的配置', en: 'You opened a shared setup' },
  'setup.shared.named': { 'zh-CN': '配置名称：{name}', en: 'Setup name: {name}' },
  'setup.shared.intro': {
    'zh-CN':
      '链接中只有分析设置，没有任何数据。应用之前什么都不会运行；应用后拖入你自己的文件，列会按名称匹配。',
    en: 'The link holds analysis settings only, no data. Nothing runs before you apply it; then drop your own files and the columns are matched by name.',
  },
  'setup.shared.apply': { 'zh-CN': '应用此配置', en: 'Apply' },
  'setup.shared.discard': { 'zh-CN': '不应用', en: 'Discard' },
  'setup.shared.invalid': {
    'zh-CN': '无法打开分享链接中的配置：{issues} 应用仍可正常使用。',
    en: 'The setup in this link could not be opened: {issues} The app works as usual.',
  },
  'setup.shared.applied': {
    'zh-CN': '已应用配置“{name}”。现在拖入你的数据文件，列会按名称匹配。',
    en: 'Setup “{name}” applied. Now drop your data files; the columns will be matched by name.',
  },
  'setup.dismiss': { 'zh-CN': '关闭', en: 'Dismiss' },
  'setup.openSection': { 'zh-CN': '配置与分享', en: 'Setup & sharing' },
  'setup.landingHint': {
    'zh-CN': '已保存的配置、分享链接与 .json 导入：',
    en: 'Saved setups, share links and .json import:',
  },

  'setup.describe.preset': { 'zh-CN': '预设', en: 'Presets' },
  'setup.describe.segments': { 'zh-CN': '分群（{section}）', en: 'Segments ({section})' },
  'setup.describe.fileHint': { 'zh-CN': '上次的文件：{name}', en: 'Last file: {name}' },
  'setup.describe.platform': { 'zh-CN': '平台：{platform}', en: 'Platform: {platform}' },
  'setup.describe.noMapping': {
    'zh-CN': '没有列映射（拖入文件后自动识别）。',
    en: 'No column mapping (it is proposed when you drop a file).',
  },
  'setup.describe.noChanges': { 'zh-CN': '其余均为默认设置。', en: 'Everything else is at its default.' },
  'setup.describe.defaultPreset': { 'zh-CN': '（默认）', en: '(default)' },
  'setup.yes': { 'zh-CN': '是', en: 'yes' },
  'setup.no': { 'zh-CN': '否', en: 'no' },

  'setup.match.title': { 'zh-CN': '列匹配：{file}', en: 'Column match: {file}' },
  'setup.match.intro': {
    'zh-CN': '按名称把配置“{name}”中的列与你的文件对应。',
    en: 'The columns of setup “{name}” were matched by name to your file.',
  },
  'setup.match.renamed': {
    'zh-CN': '“{expected}”按相近名称匹配为“{actual}”',
    en: '“{expected}” matched to “{actual}” by a similar name',
  },
  'setup.match.required': {
    'zh-CN': '其中必需的列请在映射中确认：{roles}',
    en: 'Required among them — check these in the mapping: {roles}',
  },
  'setup.match.allMatched': { 'zh-CN': '所有列都已匹配。', en: 'Every column matched.' },
  'setup.match.fix': { 'zh-CN': '检查并修正映射', en: 'Review and fix the mapping' },
  'setup.maskSuggestion': {
    'zh-CN':
      '此配置建议不遮盖个人信息（手机号、姓名等）。是否遮盖只由你在本机决定：应用后仍保持你当前的设置，可在分析页面自行更改。',
    en: 'This setup suggests showing personal data (phones, names…) unmasked. Masking is your choice on this machine only: applying keeps your current setting; you can change it yourself in the analysis view.',
  },
  'setup.shareFileNames': {
    'zh-CN': '在链接中包含文件名（默认不包含）',
    en: 'Include file names in the link (left out by default)',
  },
  // Issue 18: RFM and view settings in words in the settings summary and a link's description.
  'setup.setting.cut.source': { 'zh-CN': '{d} 分档', en: '{d} bins' },
  'setup.setting.cut.points': { 'zh-CN': '{d} 阈值', en: '{d} cut points' },
  'setup.setting.cut.levels': { 'zh-CN': '{d} 档数', en: '{d} levels' },
  'setup.setting.cut.basis': { 'zh-CN': '{d} 比较对象', en: '{d} compared on' },
  'setup.setting.cut.base.source': { 'zh-CN': '{d} 基础分档', en: '{d} base bins' },
  'setup.setting.cut.base.points': { 'zh-CN': '{d} 基础阈值', en: '{d} base cut points' },
  'setup.setting.cut.base.levels': { 'zh-CN': '{d} 基础档数', en: '{d} base levels' },
  'setup.setting.cut.base.basis': { 'zh-CN': '{d} 基础比较对象', en: '{d} base compared on' },
  'setup.value.cut.mean': { 'zh-CN': '按平均值', en: 'by the mean' },
  'setup.value.cut.median': { 'zh-CN': '按中位数', en: 'by the median' },
  'setup.value.cut.fixed': { 'zh-CN': '固定阈值', en: 'fixed thresholds' },
  'setup.value.cut.quantile': { 'zh-CN': '按分位数', en: 'by quantiles' },
  'setup.value.cut.values': { 'zh-CN': '原始值', en: 'raw values' },
  'setup.value.cut.scores': { 'zh-CN': '分数', en: 'scores' },
  'setup.setting.rfm.monetary': { 'zh-CN': 'M 的口径', en: 'M measured as' },
  'setup.value.rfm.monetary.sum': { 'zh-CN': '累计消费金额', en: 'total spend' },
  'setup.value.rfm.monetary.aov': { 'zh-CN': '客单价', en: 'average order value' },
  'setup.setting.rfm.asOf': { 'zh-CN': '分析基准日', en: 'As-of date' },
  'setup.setting.rfm.window.kind': { 'zh-CN': '统计区间', en: 'Period analysed' },
  'setup.setting.rfm.quantileMethod': { 'zh-CN': '分位数算法', en: 'Quantile method' },
  'setup.setting.rfm.cn8.compare': { 'zh-CN': '八分群比较基准', en: '8-segment split by' },
  'setup.value.rfm.cn8.compare.mean': { 'zh-CN': '平均值', en: 'the mean' },
  'setup.value.rfm.cn8.compare.median': { 'zh-CN': '中位数', en: 'the median' },
  'setup.setting.rfm.cn8.basis': { 'zh-CN': '八分群比较对象', en: '8-segment split on' },
  'setup.value.rfm.cn8.basis.values': { 'zh-CN': '原始值', en: 'raw values' },
  'setup.value.rfm.cn8.basis.scores': { 'zh-CN': '分数', en: 'scores' },
  'setup.setting.rfm.cn8.naming': { 'zh-CN': '八分群命名', en: '8-segment names' },
  'setup.setting.view.maskPii': { 'zh-CN': '个人信息脱敏', en: 'Mask personal data' },
  'setup.value.rfm.window.kind.all': { 'zh-CN': '全部数据', en: 'all data' },
  'setup.value.rfm.window.kind.lastMonths': { 'zh-CN': '最近 N 个月', en: 'the last N months' },
  'setup.value.rfm.window.kind.range': { 'zh-CN': '自定日期范围', en: 'a date range' },
  'setup.setting.rfm.window.months': { 'zh-CN': '统计月数', en: 'Months analysed' },
  'setup.setting.rfm.window.from': { 'zh-CN': '统计起始日', en: 'Period from' },
  'setup.setting.rfm.window.to': { 'zh-CN': '统计截止日', en: 'Period to' },
  'setup.value.rfm.quantileMethod.interpolated': {
    'zh-CN': '插值分位数 + 1（同 R rfm 包）',
    en: 'interpolated quantile + 1 (as the R rfm package)',
  },
  'setup.value.rfm.quantileMethod.percentile_inc': {
    'zh-CN': 'PERCENTILE.INC（同 Excel）',
    en: 'PERCENTILE.INC (as Excel)',
  },
  'setup.value.rfm.quantileMethod.discrete': { 'zh-CN': '取数据中的值', en: 'values in the data' },
} satisfies Messages;
