import type { Messages } from './types.ts';

/** Saved and shared configs (issue 5): one message per ConfigIssueCode, summaries and descriptions. */
export const config = {
  'config.error.too_large': {
    'zh-CN': '配置超过 {limitKb} KB 的上限，已拒绝（可能是恶意或损坏的链接/文件）。',
    en: 'The config is larger than the {limitKb} KB limit and was refused (the link or file may be damaged or hostile).',
  },
  'config.error.not_json': {
    'zh-CN': '这不是有效的 JSON 配置文件：{detail}',
    en: 'This is not a valid JSON config file: {detail}',
  },
  'config.error.not_object': {
    'zh-CN': '配置必须是一个 JSON 对象（以 { 开头）。',
    en: 'A config must be a JSON object (starting with {).',
  },
  'config.error.too_deep': {
    'zh-CN': '配置嵌套超过 {limit} 层，已拒绝。',
    en: 'The config is nested more than {limit} levels deep and was refused.',
  },
  'config.error.forbidden_key': {
    'zh-CN': '配置中出现了不允许的字段名“{key}”（位置：{path}），已拒绝。',
    en: 'The config contains the forbidden key “{key}” (at {path}) and was refused.',
  },
  'config.error.no_version': {
    'zh-CN': '配置缺少有效的版本号（version），无法识别。',
    en: 'The config has no valid version number, so it cannot be read.',
  },
  'config.error.newer_version': {
    'zh-CN':
      '此配置来自更新的客户透镜（配置版本 {version}），当前版本只支持到 {supported}。请更新应用后再打开。',
    en: 'This config comes from a newer Customer Lens (config version {version}); this app understands up to version {supported}. Update the app and open it again.',
  },
  'config.error.migration_failed': {
    'zh-CN': '无法把版本 {version} 的配置升级到当前版本：{detail}',
    en: 'The version {version} config could not be upgraded to the current version: {detail}',
  },
  'config.error.unknown_field': {
    'zh-CN':
      '当前版本的客户透镜（配置版本 {supported}）不认识字段“{field}”。为避免悄悄丢弃设置，未应用此配置；请更新应用或删除该字段。',
    en: 'This version of Customer Lens (config version {supported}) does not understand the field “{field}”. Rather than drop it silently, the config was not applied; update the app or remove the field.',
  },
  'config.error.invalid': {
    'zh-CN': '配置项“{path}”的值无效：{detail}',
    en: 'The config value at “{path}” is invalid: {detail}',
  },
  'config.error.no_link_config': {
    'zh-CN': '链接中没有配置（缺少 #cfg= 部分）。',
    en: 'The link contains no config (the #cfg= part is missing).',
  },
  'config.error.link_too_long': {
    'zh-CN': '链接超过 {limit} 个字符的上限，已拒绝。较长的配置请用 .json 文件分享。',
    en: 'The link is longer than the {limit} character limit and was refused. Share long configs as a .json file.',
  },
  'config.error.link_bad_characters': {
    'zh-CN': '链接中含有配置链接不可能出现的字符，可能被修改过。',
    en: 'The link contains characters a config link never has; it may have been altered.',
  },
  'config.error.link_truncated': {
    'zh-CN': '链接不完整（复制时可能被截断）。请向对方索取完整链接或 .json 文件。',
    en: 'The link is incomplete (it was probably cut off when copied). Ask for the whole link or the .json file.',
  },
  'config.error.link_corrupt': {
    'zh-CN': '链接中没有可读取的客户透镜配置（数据已损坏）。',
    en: 'The link does not contain a readable Customer Lens config (the data is damaged).',
  },
  'config.kind.orders': { 'zh-CN': '订单', en: 'Orders' },
  'config.kind.customers': { 'zh-CN': '客户', en: 'Customers' },
  'config.kind.campaign': { 'zh-CN': '营销活动', en: 'Campaign' },
  'config.kind.leads': { 'zh-CN': '线索', en: 'Leads' },
  'config.kind.events': { 'zh-CN': '行为事件', en: 'Events' },
  'config.kind.touches': { 'zh-CN': '营销触达', en: 'Campaign touches' },
  'config.kind.experiment': { 'zh-CN': '实验', en: 'Experiment' },
  'config.kind.baskets': { 'zh-CN': '购物篮', en: 'Baskets' },
  'config.summary.mapped': { 'zh-CN': '{source}: {count} 列映射', en: '{source}: {count} column(s) mapped' },
  'config.summary.segments': { 'zh-CN': '{count} 个分群', en: '{count} segment(s)' },
  'config.summary.changed': { 'zh-CN': '{count} 项设置已修改', en: '{count} setting(s) changed' },
  'config.summary.empty': { 'zh-CN': '默认设置', en: 'Default settings' },
  'config.summary.separator': { 'zh-CN': ' · ', en: ' · ' },
  'config.describe.sources': { 'zh-CN': '数据源与列映射', en: 'Sources and column mapping' },
  'config.describe.settings': { 'zh-CN': '与默认值不同的设置', en: 'Settings that differ from the defaults' },
  'config.describe.missing_required': {
    'zh-CN': '缺少必需的列：{roles}',
    en: 'Required columns not mapped: {roles}',
  },
  'config.match.matched': { 'zh-CN': '已匹配 {count} 列', en: '{count} column(s) matched' },
  'config.match.missing': {
    'zh-CN': '你的文件中缺少 {count} 列：{columns}',
    en: '{count} column(s) missing from your file: {columns}',
  },
  'config.match.extra': {
    'zh-CN': '你的文件中有 {count} 列未用到：{columns}',
    en: '{count} column(s) of your file not used: {columns}',
  },
} satisfies Messages;
