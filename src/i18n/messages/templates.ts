import type { Messages } from './types.ts';

/** Input templates and the "what can I analyse with my files" panel (issue 17). */
export const templates = {
  'tpl.guideTitle': { 'zh-CN': '我的文件能做哪些分析？', en: 'What can I analyse with my files?' },
  'tpl.guideHintEmpty': {
    'zh-CN': '每项分析需要的文件如下。手头没有的，可以下载模板，按说明填好后拖入。',
    en: 'Each analysis and the files it needs. For a file you lack, download its template, fill it in and drop it here.',
  },
  'tpl.guideHintLoaded': {
    'zh-CN': '按已加载的文件，哪些分析现在可用，其他分析还需要什么文件。',
    en: 'With the files loaded: which analyses are available now, and what the others still need.',
  },
  'tpl.status.open': { 'zh-CN': '可用', en: 'Available' },
  'tpl.status.clean': {
    'zh-CN': '文件已加载，在“映射与清洗”中清洗后可用',
    en: 'File loaded: available once cleaned on Mapping & cleaning',
  },
  'tpl.status.add': { 'zh-CN': '还需要：{roles}', en: 'Needs: {roles}' },
  'tpl.status.addOneOf': { 'zh-CN': '还需要其一：{roles}', en: 'Needs one of: {roles}' },
  'tpl.or': { 'zh-CN': '或', en: 'or' },
  'tpl.templateLink': { 'zh-CN': '{role}模板', en: '{role} template' },
  'tpl.templatesTitle': { 'zh-CN': '输入模板', en: 'Input templates' },
  'tpl.templatesHint': {
    'zh-CN':
      'CSV 为 UTF-8（带 BOM，Excel 直接打开不乱码）；XLSX 另含“说明”页。表头照原样保留即可自动识别；示例行请替换为你的数据。',
    en: 'CSV is UTF-8 with a BOM (opens cleanly in Excel); XLSX also has a "Notes" sheet. Keep the headers as they are and they are recognised automatically; replace the example rows with your data.',
  },
  'tpl.headerLang': { 'zh-CN': '表头语言', en: 'Header language' },
  'tpl.headerLang.zh': { 'zh-CN': '中文表头', en: 'Chinese headers' },
  'tpl.headerLang.en': { 'zh-CN': '英文表头', en: 'English headers' },
  'tpl.download': { 'zh-CN': '下载{role}模板（{format}）', en: 'Download the {role} template ({format})' },
  'tpl.fieldNotes': { 'zh-CN': '字段说明', en: 'Field notes' },
  'tpl.col.column': { 'zh-CN': '列名', en: 'Column' },
  'tpl.col.required': { 'zh-CN': '是否必填', en: 'Required' },
  'tpl.col.format': { 'zh-CN': '格式', en: 'Format' },
  'tpl.col.pii': { 'zh-CN': '个人信息与脱敏建议', en: 'Personal data and masking' },
  'tpl.missing': {
    'zh-CN':
      '“{file}”看起来是{role}文件，但缺少必填列：{fields}。请在文件中补上这些列（可对照模板），或在“映射与清洗”中手动指定。',
    en: '"{file}" matches {role} best but lacks the required column(s): {fields}. Add them to the file (see the template) or pick them on Mapping & cleaning.',
  },
} satisfies Messages;
