/** Demand forecasts (issue 16): the section's texts, help and notes. */
import type { Messages } from './types.ts';

export const forecast = {
  'nav.forecast': { 'zh-CN': '需求预测', en: 'Demand forecast' },
  'forecast.help': {
    'zh-CN':
      '按{grain}汇总{measure}，用指数平滑预测未来 {periods} 期：历史满两个季节周期时用 Holt-Winters（阻尼趋势 + 季节），否则用 Holt 阻尼趋势，历史少于 4 期时用上一期的值；阴影为 95% 预测区间。回测：对最后若干期逐期滚动（每期只用之前的数据重新拟合、预测下一期），与季节性朴素法（上一季节同期的值）比较 MAPE 与 sMAPE。数据末尾不完整的一期不参与。',
    en: 'Totals {measure} by {grain} and forecasts the next {periods} periods by exponential smoothing: Holt-Winters (damped trend + season) when the history holds two full seasons, else Holt’s damped trend, else the last value when it has fewer than 4 periods; the band is the 95 % prediction interval. Backtest: over the last periods, rolling origin (refit on the data before each period, forecast the next one), compared with the seasonal-naive baseline (the same period one season earlier) by MAPE and sMAPE. An incomplete last period is left out.',
  },
  'forecast.grain': { 'zh-CN': '周期', en: 'Period' },
  'forecast.grain.day': { 'zh-CN': '天', en: 'day' },
  'forecast.grain.week': { 'zh-CN': '周', en: 'week' },
  'forecast.grain.month': { 'zh-CN': '月', en: 'month' },
  'forecast.measure': { 'zh-CN': '指标', en: 'Measure' },
  'forecast.measure.revenue': { 'zh-CN': '销售额', en: 'revenue' },
  'forecast.measure.orders': { 'zh-CN': '订单数', en: 'orders' },
  'forecast.measure.units': { 'zh-CN': '件数', en: 'units' },
  'forecast.by': { 'zh-CN': '拆分', en: 'Split by' },
  'forecast.by.none': { 'zh-CN': '不拆分', en: 'none' },
  'forecast.by.category': { 'zh-CN': '品类', en: 'category' },
  'forecast.by.channel': { 'zh-CN': '渠道', en: 'channel' },
  'forecast.periods': { 'zh-CN': '预测期数', en: 'Periods ahead' },
  'forecast.series': { 'zh-CN': '序列', en: 'Series' },
  'forecast.all': { 'zh-CN': '全部', en: 'All' },
  'forecast.method': { 'zh-CN': '模型', en: 'Model' },
  'forecast.method.holt_winters': {
    'zh-CN': 'Holt-Winters（季节 {season}）',
    en: 'Holt-Winters (season {season})',
  },
  'forecast.method.holt': { 'zh-CN': 'Holt 阻尼趋势', en: 'Holt damped trend' },
  'forecast.method.naive': { 'zh-CN': '上一期的值', en: 'last value' },
  'forecast.actual': { 'zh-CN': '实际', en: 'Actual' },
  'forecast.forecast': { 'zh-CN': '预测', en: 'Forecast' },
  'forecast.backtest': { 'zh-CN': '回测预测', en: 'Backtest forecast' },
  'forecast.interval': { 'zh-CN': '95% 区间', en: '95 % interval' },
  'forecast.accuracy': {
    'zh-CN': '回测 {points} 期：模型 MAPE {mape}、sMAPE {smape}；季节性朴素法 MAPE {bmape}、sMAPE {bsmape}。',
    en: 'Backtest over {points} periods: model MAPE {mape}, sMAPE {smape}; seasonal naive MAPE {bmape}, sMAPE {bsmape}.',
  },
  'forecast.notBetter': {
    'zh-CN':
      '「{series}」的模型在回测中不比季节性朴素法更准（sMAPE 不更低）：参考预测时请同时看上一季节同期的值。',
    en: 'For “{series}” the model is no better than the seasonal-naive baseline in the backtest (sMAPE not lower): weigh its forecast against last season’s value.',
  },
  'forecast.noBacktest': {
    'zh-CN': '「{series}」历史太短（少于 5 期），无法回测。',
    en: '“{series}” has too short a history (under 5 periods) to backtest.',
  },
  'forecast.event.618': { 'zh-CN': '618', en: '618' },
  'forecast.event.double11': { 'zh-CN': '双11', en: 'Double 11' },
  'forecast.event.double12': { 'zh-CN': '双12', en: 'Double 12' },
  'forecast.event.spring_festival': { 'zh-CN': '春节', en: 'Spring Festival' },
  'forecast.empty': { 'zh-CN': '没有完整的周期可供预测。', en: 'No complete period to forecast from.' },
} satisfies Messages;
