import type { Messages } from './types.ts';

/** The dataset's currency (issue 12 item 3): detection, mixed currencies, the presets' yuan thresholds. */
export const currency = {
  'currency.label': { 'zh-CN': '币种', en: 'Currency' },
  'currency.auto': { 'zh-CN': '自动识别', en: 'Detect automatically' },
  'currency.pickHint': {
    'zh-CN': '金额的币种；自动识别不出时请在这里选择，然后重新清洗。',
    en: 'The currency of the amounts; choose it here when it is not detected, then clean again.',
  },
  'currency.detected': {
    'zh-CN': '金额币种：{symbol} {code}（{source}）',
    en: 'Amounts in {symbol} {code} ({source})',
  },
  'currency.source.config': { 'zh-CN': '你的选择', en: 'your choice' },
  'currency.source.column': { 'zh-CN': '来自币种列', en: 'from the currency column' },
  'currency.source.symbol': { 'zh-CN': '来自金额中的货币符号', en: 'from the currency signs in the amounts' },
  'currency.source.platform': { 'zh-CN': '国内平台导出，按人民币', en: 'a Chinese platform export, so yuan' },
  'currency.source.headers': { 'zh-CN': '中文金额列名，按人民币', en: 'Chinese amount headers, so yuan' },
  'currency.unknown': {
    'zh-CN':
      '未能识别金额的币种：金额不带货币符号显示，预设中按人民币设定的金额阈值不使用。请在清洗规则中选择币种。',
    en: 'The currency of the amounts was not detected: amounts are shown without a symbol and the presets’ yuan thresholds are not used. Choose the currency in the cleaning rules.',
  },
  'currency.mixed': {
    'zh-CN':
      '本文件含多种币种：{list}。不同币种的金额不会相加：只分析 {code}，其他币种的 {rows} 行已搁置（原因“币种与本数据集不同”）。',
    en: 'This file holds several currencies: {list}. Amounts in different currencies are never added up: only {code} is analysed; the {rows} rows in other currencies are set aside (reason “In another currency than the dataset”).',
  },
  'currency.mixedSymbols': {
    'zh-CN': '金额中出现了多种货币符号：{list}。没有币种列，无法逐行区分；请检查数据或只导出一种币种。',
    en: 'The amounts carry several currency signs: {list}. Without a currency column they cannot be told apart row by row; check the data or export one currency at a time.',
  },
  'currency.moneyCuts': {
    'zh-CN':
      '本预设的金额（M）阈值 {points} 是人民币金额，而数据的币种是 {currency}：M 改用分位数切点（{levels} 档，由数据计算）。如需固定阈值，请在切点中按 {currency} 输入。',
    en: 'This preset’s monetary (M) thresholds {points} are yuan amounts, but the data is in {currency}: M uses quantile cut points instead ({levels} levels computed from the data). For fixed thresholds, type them in {currency} in the cut points.',
  },
  'currency.cutsReplaced': {
    'zh-CN':
      '这些是预设的人民币阈值，数据币种为 {currency}，未使用：M 按分位数评分（见下方“当前使用的阈值”）。改动任一阈值即按 {currency} 金额使用。',
    en: 'These are the preset’s yuan thresholds and the data is in {currency}, so they are not used: M is scored by quantiles (see the cut points in use). Edit any point to use them as {currency} amounts.',
  },
  'currency.unknownName': { 'zh-CN': '未识别的币种', en: 'an unknown currency' },
} satisfies Messages;
